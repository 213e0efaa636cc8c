package org.medkarta.questionnaire;

import java.util.Locale;

/**
 * The type of a questionnaire item, as FHIR's {@code Questionnaire.item.type} names it: a
 * multiple choice is {@link #CHOICE} with {@code repeats}.
 */
public enum ItemType {
    /** A short line of text. */
    STRING,
    /** A longer free text. */
    TEXT,
    /** A number, with a unit and a range. */
    DECIMAL,
    /** A calendar date. */
    DATE,
    /** One answer (or several, when the item repeats) among the item's options. */
    CHOICE,
    /** Yes or no. */
    BOOLEAN;

    /** The FHIR code: {@code string}, {@code decimal}, … */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type of a FHIR code (or of this enum's name), or null for none of them. */
    public static ItemType of(String code) {
        if (code == null) {
            return null;
        }
        for (ItemType type : values()) {
            if (type.code().equalsIgnoreCase(code.strip())) {
                return type;
            }
        }
        return null;
    }
}
