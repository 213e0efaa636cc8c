package org.medkarta.shared;

import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.UUID;

/**
 * An identifier of one kind of thing. Typed ids keep a patient id from being passed where a doctor
 * id is expected; the database stores the bare {@link UUID}.
 */
public interface TypedId extends Serializable {

    /** The id itself; JSON shows a typed id as this bare UUID. */
    @JsonValue
    UUID value();

    /**
     * Parses the text form of an id.
     *
     * @param field the name of the input field, so the error can point at it
     * @throws InvalidInput when the text is not an id; a malformed id is bad input, never a 500
     */
    static UUID parse(String text, String field) {
        if (text == null) {
            throw new InvalidInput(field, "validation.required");
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, "validation.id.malformed");
        }
    }
}
