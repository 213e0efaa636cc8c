package org.medkarta.clinic;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.medkarta.shared.Email;
import org.medkarta.shared.FieldErrors;

/** Reads the text fields of the clinic forms, collecting what is wrong with each into {@link FieldErrors}. */
final class Fields {

    static final Pattern PERSON_NAME = Pattern.compile("^[\\p{IsCyrillic}A-Za-z][\\p{IsCyrillic}A-Za-z' \\-]{0,99}$");

    private static final PhoneNumberUtil NUMBERS = PhoneNumberUtil.getInstance();

    private Fields() {}

    /** Trimmed text with inner runs of white space kept; null when blank. */
    static String text(String value, String field, int max, boolean required, FieldErrors errors) {
        String clean = value == null ? "" : value.strip();
        if (clean.isEmpty()) {
            if (required) {
                errors.reject(field, "validation.required");
            }
            return null;
        }
        if (clean.length() > max) {
            errors.reject(field, "clinic.validation.too-long", max);
            return null;
        }
        return clean;
    }

    static String personName(String value, String field, boolean required, FieldErrors errors) {
        String clean = text(value, field, 100, required, errors);
        if (clean == null) {
            return null;
        }
        clean = clean.replaceAll("\\s+", " ");
        if (!PERSON_NAME.matcher(clean).matches()) {
            errors.reject(field, "clinic.validation.name");
            return null;
        }
        return clean;
    }

    /** Any valid phone, landline included (a clinic's reception), in E.164. */
    static String contactPhone(String value, String field, boolean required, FieldErrors errors) {
        String typed = text(value, field, 40, required, errors);
        if (typed == null) {
            return null;
        }
        String digits = typed.replaceAll("[^0-9+]", "");
        if (digits.length() == 11 && digits.startsWith("8")) {
            typed = "+7" + digits.substring(1);
        }
        try {
            var number = NUMBERS.parse(typed, "RU");
            if (NUMBERS.isValidNumber(number)) {
                return NUMBERS.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
            }
        } catch (NumberParseException e) {
            // reported below
        }
        errors.reject(field, "validation.phone.invalid");
        return null;
    }

    /** An IANA zone by its region name ({@code Europe/Moscow}), not a bare offset. */
    static String timezone(String value, String field, boolean required, FieldErrors errors) {
        String zone = text(value, field, 60, required, errors);
        if (zone == null) {
            return null;
        }
        try {
            if (zone.contains("/") && ZoneId.getAvailableZoneIds().contains(zone)) {
                return ZoneId.of(zone).getId();
            }
        } catch (DateTimeException e) {
            // reported below
        }
        errors.reject(field, "clinic.validation.timezone");
        return null;
    }

    static LocalDate pastDate(String value, String field, LocalDate today, FieldErrors errors) {
        String text = text(value, field, 20, false, errors);
        if (text == null) {
            return null;
        }
        try {
            var date = LocalDate.parse(text);
            if (date.isAfter(today) || date.isBefore(LocalDate.of(1900, 1, 1))) {
                errors.reject(field, "clinic.validation.date-range");
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.reject(field, "clinic.validation.date-format");
            return null;
        }
    }

    /** One of an enum's names, as sent; {@code fallback} when blank and not required. */
    static <E extends Enum<E>> E choice(
            Class<E> type, String value, String field, boolean required, E fallback, FieldErrors errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.reject(field, "validation.required");
            }
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.reject(field, "clinic.validation.choice");
            return fallback;
        }
    }

    /**
     * A coordinate in decimal degrees within {@code -limit..limit} ({@code 55.757614}; a comma is
     * taken for the point); null when blank.
     */
    static Double degrees(String value, String field, double limit, FieldErrors errors) {
        String text = text(value, field, 30, false, errors);
        if (text == null) {
            return null;
        }
        try {
            double degrees = Double.parseDouble(text.replace(',', '.'));
            if (!Double.isFinite(degrees) || degrees < -limit || degrees > limit) {
                errors.reject(field, "clinic.validation.degrees", (int) limit);
                return null;
            }
            return degrees;
        } catch (NumberFormatException e) {
            errors.reject(field, "clinic.validation.degrees", (int) limit);
            return null;
        }
    }

    static String site(String value, String field, FieldErrors errors) {
        String site = text(value, field, 300, false, errors);
        if (site != null && !site.matches("(?i)^https?://[^\\s/]+\\.[^\\s]+$")) {
            errors.reject(field, "clinic.validation.site");
            return null;
        }
        return site;
    }

    /** The invitation's e-mail and names, each wrong field under {@code prefix}. */
    static void invitation(StaffInvitation invitation, String prefix, FieldErrors errors) {
        if (invitation == null) {
            errors.reject(prefix + "email", "validation.required");
            return;
        }
        errors.check(() -> Email.parse(invitation.email(), prefix + "email"));
        Fields.personName(invitation.lastName(), prefix + "lastName", true, errors);
        Fields.personName(invitation.firstName(), prefix + "firstName", true, errors);
        Fields.personName(invitation.patronymic(), prefix + "patronymic", false, errors);
    }

    /** The stripped value; null when blank. */
    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
