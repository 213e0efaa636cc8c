package org.medkarta.terminology;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How names and queries are cut into searchable keys: lower case, {@code ё} read as {@code е}, words
 * of letters and digits. Codes lose their dots ({@code A00.0} is {@code A000}), and a Cyrillic letter
 * typed for a Latin one of the same shape ({@code А00} on a Russian keyboard) counts as Latin.
 */
final class Words {

    private static final String CYRILLIC_LOOKALIKES = "АВЕКМНОРСТХ";
    private static final String LATIN_LOOKALIKES = "ABEKMHOPCTX";

    private Words() {}

    static Set<String> of(String text) {
        var words = new LinkedHashSet<String>();
        for (String word : normal(text).split("[^\\p{L}\\p{Nd}]+")) {
            if (word.length() >= 2) {
                words.add(word.length() > 60 ? word.substring(0, 60) : word);
            }
        }
        return words;
    }

    static String normal(String text) {
        return text.toLowerCase(new Locale("ru")).replace('ё', 'е');
    }

    /** The key a code is found by: upper case Latin letters and digits only. */
    static String codeKey(String code) {
        var key = new StringBuilder();
        for (char c : code.strip().toUpperCase(new Locale("ru")).toCharArray()) {
            int lookalike = CYRILLIC_LOOKALIKES.indexOf(c);
            char latin = lookalike >= 0 ? LATIN_LOOKALIKES.charAt(lookalike) : c;
            if ((latin >= 'A' && latin <= 'Z') || (latin >= '0' && latin <= '9')) {
                key.append(latin);
            }
        }
        return key.toString();
    }

    /** Whether a query asks for a code: a letter then a digit, as {@code I1} or {@code А00.}. */
    static boolean looksLikeCode(String query) {
        String key = codeKey(query);
        String stripped = query.strip();
        return key.length() >= 2
                && Character.isDigit(key.charAt(1))
                && stripped.length() <= 8
                && !stripped.contains(" ");
    }

    /**
     * The smallest key greater than every key starting with {@code prefix}: a range scan on an
     * ordinary index then finds the prefix on both engines whatever the database's collation.
     */
    static String after(String prefix) {
        char last = prefix.charAt(prefix.length() - 1);
        return prefix.substring(0, prefix.length() - 1) + (char) (last + 1);
    }
}
