package org.medkarta.notification;

/** Delivers an e-mail; chosen by {@code medkarta.notification.mail.gateway}. */
interface MailGateway {

    /**
     * Hands the e-mail over to the mail server, or throws: any exception is a failed attempt that
     * the dispatcher retries, {@link ChannelUnavailable} a missing configuration that it waits out.
     */
    void send(Envelope email) throws Exception;
}
