package org.medkarta.record.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.UUID;
import org.medkarta.record.EntryCursor;
import org.medkarta.record.EntryType;
import org.medkarta.record.Measure;
import org.medkarta.record.RecordFilter;
import org.medkarta.shared.FieldErrors;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.TypedId;

/** Reading the record's request parameters, naming the field when one is wrong. */
final class Params {

    private Params() {}

    static PatientId patient(String text) {
        return new PatientId(TypedId.parse(text, "id"));
    }

    static UUID id(String text, String field) {
        return TypedId.parse(text, field);
    }

    /** The filter of the record list: {@code type}, {@code from}, {@code to}, all optional. */
    static RecordFilter filter(String type, String from, String to) {
        return filter(type, from, to, null, null);
    }

    /**
     * The filter and page of the record list: {@code after} is the {@code next} of the page before,
     * {@code limit} 1 to {@value RecordFilter#MAX_LIMIT} (default {@value RecordFilter#DEFAULT_LIMIT}).
     */
    static RecordFilter filter(String type, String from, String to, String after, String limit) {
        var errors = new FieldErrors();
        EntryCursor cursor = after == null || after.isBlank() ? null : errors.check(() -> EntryCursor.parse(after));
        Integer size = errors.check(() -> limit(limit));
        EntryType entryType = errors.check(() -> type(type));
        LocalDate fromDate = errors.check(() -> date(from, "from"));
        LocalDate toDate = errors.check(() -> date(to, "to"));
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            errors.reject("to", "record.validation.date-order");
        }
        errors.throwIfAny();
        return new RecordFilter(entryType, fromDate, toDate, cursor, size);
    }

    private static int limit(String text) {
        if (text == null || text.isBlank()) {
            return RecordFilter.DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            if (limit >= 1 && limit <= RecordFilter.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException notANumber) {
            // refused below, as out of range
        }
        throw new InvalidInput("limit", "record.validation.limit", RecordFilter.MAX_LIMIT);
    }

    static EntryType type(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return EntryType.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("type", "record.validation.type");
        }
    }

    static EntryType requiredType(String text) {
        EntryType type = type(text);
        if (type == null) {
            throw new InvalidInput("type", "validation.required");
        }
        return type;
    }

    static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput(field, "record.validation.date");
        }
    }

    static Measure measure(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Measure.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("measure", "record.validation.measure");
        }
    }

    /** A date (its start, UTC) or an instant with an offset. */
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
            throw new InvalidInput(field, "record.validation.date-time");
        }
    }

    /** The end of a day given as a date (the whole day included), or an instant. */
    static Instant until(String text, String field) {
        Instant at = instant(text, field);
        return at != null && text.strip().length() == 10 ? at.plusSeconds(86_399) : at;
    }
}
