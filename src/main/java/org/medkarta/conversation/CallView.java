package org.medkarta.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.medkarta.shared.UserId;

/**
 * One call in a room, from the moment the callee answered until someone hung up.
 *
 * @param endedAt null while the call goes on
 */
public record CallView(
        UUID id, RoomId roomId, CallMode mode, UserId startedBy, Instant startedAt, UserId endedBy, Instant endedAt) {

    public boolean active() {
        return endedAt == null;
    }

    /** How long it lasted, or null while it goes on. */
    public Duration duration() {
        return endedAt == null ? null : Duration.between(startedAt, endedAt);
    }
}
