package org.medkarta.notification;

import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The notification module's whole API: send a text by SMS or an e-mail. Callers give the
 * recipient and the finished, localised text; this module decides how it travels.
 */
@Service
public class Notifications {

    private final Optional<DevOutbox> outbox;
    private final Clock clock;

    Notifications(ObjectProvider<DevOutbox> outbox, Clock clock) {
        this.outbox = Optional.ofNullable(outbox.getIfAvailable());
        this.clock = clock;
    }

    /**
     * Sends a text message to a phone number in E.164 form.
     *
     * @throws ChannelUnavailable when no SMS gateway is configured
     */
    public void sendSms(String phone, String text) {
        send(new OutboundMessage(Channel.SMS, phone.strip(), null, text, clock.instant()));
    }

    /**
     * Sends a plain-text e-mail.
     *
     * @throws ChannelUnavailable when no mail gateway is configured
     */
    public void sendEmail(String address, String subject, String body) {
        send(new OutboundMessage(Channel.EMAIL, address.strip(), subject, body, clock.instant()));
    }

    private void send(OutboundMessage message) {
        outbox.orElseThrow(() -> new ChannelUnavailable(message.channel())).keep(message);
    }
}
