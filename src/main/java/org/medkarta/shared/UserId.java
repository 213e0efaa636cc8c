package org.medkarta.shared;

import java.util.UUID;

/** Identifies a User across modules; stored as a bare UUID. */
public record UserId(UUID value) implements TypedId {

    public static UserId of(String text) {
        return new UserId(TypedId.parse(text, "userId"));
    }
}
