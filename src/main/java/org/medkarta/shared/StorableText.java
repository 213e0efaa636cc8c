package org.medkarta.shared;

/**
 * Which text can be stored (issue 12, finding 2). PostgreSQL refuses the NUL character in text
 * columns, and the other C0 control characters, unpaired surrogates and the non-characters U+FFFE
 * and U+FFFF are no part of anything a person types: every text input is checked against this one
 * rule at the boundary (JSON bodies, parameters, path variables) and refused as {@code invalid-input}
 * naming the field, instead of failing in the database with a 500.
 */
public final class StorableText {

    /** The message beside a field that holds such characters. */
    public static final String MESSAGE_CODE = "validation.unstorable-text";

    private StorableText() {}

    /** Whether the text holds nothing but characters that can be stored; null is storable. */
    public static boolean isStorable(CharSequence text) {
        return text == null || firstUnstorable(text) < 0;
    }

    /** The index of the first character that cannot be stored, or -1. Tab, line feed and carriage return can. */
    public static int firstUnstorable(CharSequence text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x20) {
                if (c != '\t' && c != '\n' && c != '\r') {
                    return i;
                }
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 == length || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return i;
                }
                i++;
            } else if (Character.isLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                return i;
            }
        }
        return -1;
    }
}
