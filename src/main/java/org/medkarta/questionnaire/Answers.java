package org.medkarta.questionnaire;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reading answers as people type them: a decimal comma, yes and no in either language. */
final class Answers {

    private Answers() {}

    /** The number, with a comma or a dot as the decimal mark, or null when it is none. */
    static BigDecimal decimal(String text) {
        if (text == null) {
            return null;
        }
        String value = text.strip().replace(',', '.').replace(" ", "");
        if (value.isEmpty() || value.length() > 30) {
            return null;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    /** An ISO date, or null. */
    static LocalDate date(String text) {
        try {
            return text == null ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException notADate) {
            return null;
        }
    }

    /** {@code true} or {@code false}, read from true/false, yes/no, да/нет; null otherwise. */
    static String bool(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "да" -> "true";
            case "false", "no", "нет" -> "false";
            default -> null;
        };
    }
}
