package org.medkarta.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.medkarta.shared.UserId;

/**
 * A call in a room ended (SPEC D5: end and duration recorded on the consultation).
 *
 * @param endedBy who hung up, or null when the room closed under the call or its participants left
 *     without hanging up (their WebSocket sessions ended and none came back within the grace)
 */
public record CallEnded(
        RoomId roomId,
        UUID callId,
        CallMode mode,
        Instant startedAt,
        Instant endedAt,
        Duration duration,
        UserId endedBy) {}
