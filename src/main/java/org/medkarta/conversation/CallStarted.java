package org.medkarta.conversation;

import java.time.Instant;
import java.util.UUID;
import org.medkarta.shared.UserId;

/** A call in a room connected: the callee answered (SPEC D5: start recorded on the consultation). */
public record CallStarted(RoomId roomId, UUID callId, CallMode mode, UserId startedBy, Instant startedAt) {}
