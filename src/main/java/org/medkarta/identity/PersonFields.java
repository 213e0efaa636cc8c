package org.medkarta.identity;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.medkarta.shared.FieldErrors;

/**
 * How a person's identifying fields are checked wherever they are typed: a record the registry
 * creates, a record-access request a patient files (SPEC C6, E0). One set of rules and messages, so
 * the same name, birth date or OMS policy number is never accepted in one form and refused in the
 * other. Each check names its field in {@code errors} and returns null when the value is wrong.
 */
public final class PersonFields {

    /** Letters (Cyrillic or Latin), hyphens, apostrophes and spaces, up to 100 characters. */
    static final String NAME = "^[\\p{IsCyrillic}\\p{IsLatin}][\\p{IsCyrillic}\\p{IsLatin}' \\-]{0,99}$";

    private PersonFields() {}

    /** A name as written, spaces folded: letters (Cyrillic or Latin), hyphens, apostrophes, spaces. */
    public static String name(String value, String field, boolean required, FieldErrors errors) {
        String clean = value == null ? "" : value.strip().replaceAll("\\s+", " ");
        if (clean.isEmpty()) {
            if (required) {
                errors.reject(field, "validation.required");
            }
            return null;
        }
        if (!clean.matches(NAME)) {
            errors.reject(field, "identity.validation.name");
            return null;
        }
        return clean;
    }

    /** A date written as {@code yyyy-MM-dd}. */
    public static LocalDate date(String value, String field, boolean required, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.reject(field, "validation.required");
            }
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.reject(field, "identity.validation.date-format");
            return null;
        }
    }

    /** A required birth date: not after {@code today} and not before 1900. */
    public static LocalDate birthDate(String value, String field, LocalDate today, FieldErrors errors) {
        LocalDate born = date(value, field, true, errors);
        if (born != null && (born.isAfter(today) || born.getYear() < 1900)) {
            errors.reject(field, "identity.validation.birth-date");
            return null;
        }
        return born;
    }

    /** A required OMS policy number: its 16 digits, spaces and hyphens dropped. */
    public static String omsNumber(String value, String field, FieldErrors errors) {
        String digits = value == null ? "" : value.replaceAll("[\\s\\-]", "");
        if (digits.isEmpty()) {
            errors.reject(field, "validation.required");
            return null;
        }
        if (!isOmsNumber(digits)) {
            errors.reject(field, "identity.validation.oms-number");
            return null;
        }
        return digits;
    }

    /** Whether a number, spaces and hyphens already dropped, is an OMS policy's: 16 digits. */
    static boolean isOmsNumber(String number) {
        return number.matches("\\d{16}");
    }
}
