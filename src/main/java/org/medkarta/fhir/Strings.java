package org.medkarta.fhir;

import ca.uhn.fhir.rest.param.StringParam;
import java.util.Locale;

/** FHIR string search (R4 3.1.1.4.4) over a value held in memory. */
final class Strings {

    private Strings() {}

    /**
     * Default: the value or one of its words starts with the wanted text; {@code :exact} the whole
     * value, case-sensitive; {@code :contains} anywhere. Case- and ё/е-insensitive but for exact.
     */
    static boolean matches(StringParam wanted, String value) {
        if (value == null) {
            return false;
        }
        if (wanted.isExact()) {
            return value.equals(wanted.getValue());
        }
        String text = fold(value);
        String part = fold(wanted.getValue());
        if (wanted.isContains()) {
            return text.contains(part);
        }
        if (text.startsWith(part)) {
            return true;
        }
        for (String word : text.split("[\\s\\-,.«»\"]+")) {
            if (word.startsWith(part)) {
                return true;
            }
        }
        return false;
    }

    static String fold(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replace('ё', 'е');
    }
}
