package org.medkarta.notification;

import org.medkarta.shared.DomainException;

/**
 * No usable gateway is configured for the channel, so the message cannot go out now. Sending only
 * queues a message, so callers do not see this: the dispatcher keeps the message pending with
 * {@link #reason()} as its last error until a gateway is configured.
 */
public class ChannelUnavailable extends DomainException {

    private final String reason;

    ChannelUnavailable(Channel channel, String reason) {
        super(Kind.UNAVAILABLE, "channel-unavailable", "problem.channel-unavailable." + channel.name());
        this.reason = reason;
    }

    /** What is missing, in the words of the configuration, for the operator who reads it. */
    public String reason() {
        return reason;
    }
}
