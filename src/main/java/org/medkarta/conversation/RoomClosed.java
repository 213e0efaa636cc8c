package org.medkarta.conversation;

import java.time.Instant;

/** A room stopped taking messages and calls; its history stays readable. */
public record RoomClosed(RoomId roomId, Instant closedAt) {}
