package org.medkarta.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.medkarta.shared.UserId;

/**
 * A call in a room ended (SPEC D5: end and duration recorded on the consultation).
 *
 * @param endedBy who hung up, or null when the room closed under the call
 */
public record CallEnded(
        RoomId roomId,
        UUID callId,
        CallMode mode,
        Instant startedAt,
        Instant endedAt,
        Duration duration,
        UserId endedBy) {}
