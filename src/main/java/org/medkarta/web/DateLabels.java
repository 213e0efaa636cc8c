package org.medkarta.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The one way a date reads on a page (issue 13: no ISO «2026-12-04» or «2026-12-04T10:15:30Z»):
 * {@code ${@dates.date(birthDate)}} gives «04.12.2026», {@code ${@dates.utc(at)}} gives
 * «04.12.2026 10:15:30», the day-month-year order the other pages already use.
 */
@org.springframework.stereotype.Component("dates")
public class DateLabels {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");

    /** A calendar date; empty for none. */
    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** An instant on the UTC clock, to the second (the audit trail's times). */
    public String utc(Instant at) {
        return at == null ? "" : UTC.format(at.atOffset(ZoneOffset.UTC));
    }
}
