package org.medkarta.record;

import java.util.List;

/**
 * One field of an entry form: its name (also the message key suffix {@code record.field.<name>}),
 * what it holds and whether it is required.
 *
 * @param choices the allowed values of a {@link Kind#CHOICE} field, empty otherwise
 */
public record FieldSpec(String name, Kind kind, boolean required, int maxLength, List<String> choices) {

    /** What a field holds; pages pick the input from it. */
    public enum Kind {
        TEXT,
        LONG_TEXT,
        DATE,
        NUMBER,
        CHOICE
    }

    static FieldSpec text(String name, boolean required) {
        return new FieldSpec(name, Kind.TEXT, required, 300, List.of());
    }

    static FieldSpec longText(String name, boolean required) {
        return new FieldSpec(name, Kind.LONG_TEXT, required, 10_000, List.of());
    }

    static FieldSpec date(String name, boolean required) {
        return new FieldSpec(name, Kind.DATE, required, 10, List.of());
    }

    static FieldSpec number(String name, boolean required) {
        return new FieldSpec(name, Kind.NUMBER, required, 20, List.of());
    }

    static FieldSpec choice(String name, boolean required, List<String> choices) {
        return new FieldSpec(name, Kind.CHOICE, required, 40, List.copyOf(choices));
    }
}
