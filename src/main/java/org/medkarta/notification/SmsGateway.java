package org.medkarta.notification;

/** Delivers a text message; chosen by {@code medkarta.notification.sms.gateway}. */
interface SmsGateway {

    /**
     * Hands the message over to the carrier, or throws: any exception is a failed attempt that the
     * dispatcher retries, {@link ChannelUnavailable} a missing configuration that it waits out.
     */
    void send(Envelope sms) throws Exception;
}
