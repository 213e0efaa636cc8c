package org.medkarta.conversation;

import java.util.UUID;
import org.medkarta.shared.TypedId;

/** Identifies a room; the owning module chooses it (a consultation's room has its id). */
public record RoomId(UUID value) implements TypedId {

    public static RoomId of(String text) {
        return new RoomId(TypedId.parse(text, "roomId"));
    }
}
