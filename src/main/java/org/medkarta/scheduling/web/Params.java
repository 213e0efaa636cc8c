package org.medkarta.scheduling.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.medkarta.clinic.ServiceFormat;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.TypedId;

/** Reading request parameters of the booking API and pages, naming the field when wrong. */
final class Params {

    private Params() {}

    /** An instant written with an offset ({@code 2026-12-01T10:00+03:00}) or a date (its start, UTC). */
    static Instant instant(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            String clean = text.strip();
            return clean.length() == 10
                    ? LocalDate.parse(clean).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : OffsetDateTime.parse(clean).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "scheduling.validation.instant");
        }
    }

    /** A date, {@code 2026-12-07}. */
    static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "scheduling.validation.date");
        }
    }

    static UUID uuid(String text, String field) {
        return text == null || text.isBlank() ? null : TypedId.parse(text.strip(), field);
    }

    static List<UUID> uuids(List<String> texts, String field) {
        return texts == null
                ? List.of()
                : texts.stream().map(text -> uuid(text, field)).toList();
    }

    static ServiceFormat format(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return ServiceFormat.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("format", "scheduling.validation.format");
        }
    }

    static <E extends Enum<E>> E choice(Class<E> type, String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, "scheduling.validation.choice");
        }
    }
}
