package org.medkarta.conversation;

import java.time.Instant;
import java.util.UUID;
import org.medkarta.shared.UserId;

/** A message was sent in a room; the owning module may notify members who are not online. */
public record MessageSent(RoomId roomId, UUID messageId, UserId authorId, Instant sentAt, boolean withFiles) {}
