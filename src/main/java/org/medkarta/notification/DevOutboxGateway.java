package org.medkarta.notification;

import java.time.Clock;
import java.util.Optional;

/**
 * The default gateway for both channels: delivery means keeping the message in the dev outbox. It
 * writes in the dispatcher's transaction, so a message lands there exactly once.
 */
class DevOutboxGateway {

    private final Optional<DevOutbox> outbox;
    private final Clock clock;

    DevOutboxGateway(Optional<DevOutbox> outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    void keep(Envelope message) {
        outbox.orElseThrow(() -> new ChannelUnavailable(
                        message.channel(),
                        "the dev outbox is the gateway but medkarta.notification.dev-outbox.enabled is false"))
                .keep(new OutboundMessage(
                        message.channel(), message.to(), message.subject(), message.body(), clock.instant()));
    }
}
