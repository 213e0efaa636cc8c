package org.medkarta.conversation;

import java.util.Map;
import org.medkarta.shared.UserId;

/**
 * A signal as the other members receive it on {@code /user/queue/signal}: which room, who sent it
 * and what they sent.
 */
public record RelayedSignal(
        RoomId room,
        UserId from,
        String fromName,
        String type,
        String sdp,
        Map<String, Object> candidate,
        CallMode mode,
        boolean restart) {}
