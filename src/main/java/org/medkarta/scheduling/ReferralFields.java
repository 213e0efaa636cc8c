package org.medkarta.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.identity.AccountView;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.PatientId;

/**
 * The fields of a referral form as {@link ReferralDesk} reads them: each wrong one is added to the
 * errors and read as null, so one refusal names every wrong field.
 */
final class ReferralFields {

    private ReferralFields() {}

    static String name(AccountView account) {
        return account.patronymic() == null
                ? account.lastName() + " " + account.firstName()
                : account.lastName() + " " + account.firstName() + " " + account.patronymic();
    }

    static PatientId patient(String text, List<InvalidInput.FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new InvalidInput.FieldError("patientId", "validation.required"));
            return null;
        }
        try {
            return PatientId.of(text.strip());
        } catch (InvalidInput wrong) {
            errors.add(new InvalidInput.FieldError("patientId", "scheduling.referral.validation.patient"));
            return null;
        }
    }

    static String specialty(ClinicCatalogue clinics, String text, List<InvalidInput.FieldError> errors) {
        String code = text == null ? "" : text.strip();
        if (code.isEmpty()) {
            errors.add(new InvalidInput.FieldError("specialty", "validation.required"));
            return null;
        }
        if (clinics.specialties().stream().noneMatch(s -> s.code().equals(code))) {
            errors.add(new InvalidInput.FieldError("specialty", "scheduling.referral.validation.specialty"));
            return null;
        }
        return code;
    }

    /** The end of the last valid day in the clinic's zone, or {@link ReferralDesk#OPEN_ENDED}; null when wrong. */
    static Instant validUntil(
            Clock clock, String text, boolean openEnded, ZoneId zone, List<InvalidInput.FieldError> errors) {
        if (openEnded) {
            return ReferralDesk.OPEN_ENDED;
        }
        if (text == null || text.isBlank()) {
            errors.add(new InvalidInput.FieldError("validUntil", "scheduling.referral.validation.valid-until"));
            return null;
        }
        LocalDate until = date(text, "validUntil", errors);
        if (until == null) {
            return null;
        }
        if (until.isBefore(LocalDate.ofInstant(clock.instant(), zone))) {
            errors.add(new InvalidInput.FieldError("validUntil", "scheduling.referral.validation.past"));
            return null;
        }
        return until.plusDays(1).atStartOfDay(zone).toInstant();
    }

    static LocalDate date(String text, String field, List<InvalidInput.FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new InvalidInput.FieldError(field, "validation.required"));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.strip());
            if (date.getYear() < 1900 || date.getYear() > 9998) {
                errors.add(new InvalidInput.FieldError(field, "scheduling.referral.validation.date"));
                return null;
            }
            return date;
        } catch (DateTimeParseException wrong) {
            errors.add(new InvalidInput.FieldError(field, "scheduling.referral.validation.date"));
            return null;
        }
    }

    static String text(String text, String field, int limit, boolean required, List<InvalidInput.FieldError> errors) {
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty()) {
            if (required) {
                errors.add(new InvalidInput.FieldError(field, "validation.required"));
            }
            return null;
        }
        if (clean.length() > limit) {
            errors.add(new InvalidInput.FieldError(field, "scheduling.validation.too-long", List.of(limit)));
            return null;
        }
        return clean;
    }
}
