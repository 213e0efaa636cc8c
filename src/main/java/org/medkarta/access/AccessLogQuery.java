package org.medkarta.access;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Locale;
import org.medkarta.shared.InvalidInput;

/**
 * A filter of the patient's access log (SPEC G3): the days from and to (both included, in the
 * patient's zone, each optional), the kind of reader (optional) and where the page starts: the
 * lines older than the line {@code before} (the {@code seq} the previous page ended with), or the
 * newest when it is null.
 */
public record AccessLogQuery(LocalDate from, LocalDate to, ReaderKind kind, Long before) {

    /** The most lines one page shows. */
    public static final int PAGE_SIZE = 20;

    /** The whole log, first page. */
    public static AccessLogQuery all() {
        return new AccessLogQuery(null, null, null, null);
    }

    /**
     * Reads the filter as a page or the API received it; every wrong field is named with its own
     * message, so the page shows it beside the field and the API as a problem.
     */
    public static AccessLogQuery parse(String from, String to, String kind, String before) {
        var errors = new ArrayList<InvalidInput.FieldError>();
        LocalDate since = date(from, "from", errors);
        LocalDate until = date(to, "to", errors);
        if (since != null && until != null && since.isAfter(until)) {
            errors.add(new InvalidInput.FieldError("to", "access.log.error.to-before-from"));
        }
        ReaderKind reader = null;
        if (kind != null && !kind.isBlank()) {
            try {
                reader = ReaderKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new InvalidInput.FieldError("kind", "access.log.error.kind"));
            }
        }
        Long older = null;
        if (before != null && !before.isBlank()) {
            try {
                older = Long.parseLong(before.strip());
            } catch (NumberFormatException e) {
                older = -1L;
            }
            if (older < 1) {
                errors.add(new InvalidInput.FieldError("before", "access.log.error.before"));
                older = null;
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new AccessLogQuery(since, until, reader, older);
    }

    private static LocalDate date(String value, String field, java.util.List<InvalidInput.FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            // A year the log cannot hold (and PostgreSQL cannot store) is a wrong date, not a 500.
            if (date.getYear() < 1900 || date.getYear() > 2999) {
                errors.add(new InvalidInput.FieldError(field, "access.log.error.date"));
                return null;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(new InvalidInput.FieldError(field, "access.log.error.date"));
            return null;
        }
    }
}
