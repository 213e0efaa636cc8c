package org.medkarta.notification;

import org.medkarta.shared.DomainException;

/** No gateway is configured for the channel, so the message cannot go out now. */
public class ChannelUnavailable extends DomainException {

    ChannelUnavailable(Channel channel) {
        super(Kind.UNAVAILABLE, "channel-unavailable", "problem.channel-unavailable." + channel.name());
    }
}
