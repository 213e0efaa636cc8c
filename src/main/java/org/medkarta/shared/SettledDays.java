package org.medkarta.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The days a report may read from a daily roll-up instead of the rows themselves (clinic dashboards,
 * SPEC J3, issue 19): the days {@value #SETTLE_DAYS} days and more before today in the clinic's zone,
 * which hardly change any more. A module that rolls its rows up keeps, per clinic, a marker table
 * {@code (clinic_id, rolled_until, rolled_at)}: every day before {@code rolled_until} has its roll-up
 * rows.
 *
 * <p>A reader takes the roll-up for the days before both the marker and its own horizon (so a marker
 * written by a node whose clock ran ahead, or by a test that moved the clock, is never trusted for a
 * day that is not settled by the reader's clock) and counts the later days from the rows. A roll-up
 * recomputes the {@value #RECHECK_DAYS} days before the marker each time as well, so a late change
 * (a request taken into work and closed days after its appointment) reaches the roll-up within a run.
 */
@Component
public class SettledDays {

    /** Days before today that still change often enough to be counted from the rows. */
    public static final int SETTLE_DAYS = 7;

    /** Settled days a roll-up recomputes each run, to take in late changes. */
    public static final int RECHECK_DAYS = 60;

    /** Where an empty roll-up starts: before any row Medkarta holds. */
    public static final LocalDate BEGINNING = LocalDate.of(1970, 1, 1);

    private final JdbcClient jdbc;

    SettledDays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The first day that is not settled at {@code now} in the zone: days before it are. */
    public LocalDate horizon(Instant now, ZoneId zone) {
        return LocalDate.ofInstant(now, zone).minusDays(SETTLE_DAYS);
    }

    /**
     * The first day a reader at {@code now} must count from the rows: the earlier of the clinic's
     * marker and the horizon; empty when nothing is rolled up for the clinic.
     */
    public Optional<LocalDate> readableUntil(String markerTable, ClinicId clinic, Instant now, ZoneId zone) {
        return rolledUntil(markerTable, clinic).map(until -> min(until, horizon(now, zone)));
    }

    /**
     * The first day a roll-up at {@code now} recomputes: {@value #RECHECK_DAYS} days before the
     * earlier of the marker and the horizon, or {@link #BEGINNING} when nothing is rolled up yet.
     */
    public LocalDate recomputeFrom(String markerTable, ClinicId clinic, Instant now, ZoneId zone) {
        return rolledUntil(markerTable, clinic)
                .map(until -> min(until, horizon(now, zone)).minusDays(RECHECK_DAYS))
                .orElse(BEGINNING);
    }

    /** Records that every day before {@code until} is rolled up, race-free on both engines. */
    public void mark(String markerTable, ClinicId clinic, LocalDate until, Instant now) {
        jdbc.sql("INSERT INTO " + markerTable + " (clinic_id, rolled_until, rolled_at) VALUES (:clinic, :until, :at)"
                        + " ON CONFLICT DO NOTHING")
                .param("clinic", clinic.value())
                .param("until", until)
                .param("at", Columns.utc(now))
                .update();
        jdbc.sql("UPDATE " + markerTable + " SET rolled_until = :until, rolled_at = :at WHERE clinic_id = :clinic")
                .param("clinic", clinic.value())
                .param("until", until)
                .param("at", Columns.utc(now))
                .update();
    }

    private Optional<LocalDate> rolledUntil(String markerTable, ClinicId clinic) {
        return jdbc.sql("SELECT rolled_until FROM " + markerTable + " WHERE clinic_id = :clinic")
                .param("clinic", clinic.value())
                .query(LocalDate.class)
                .optional();
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
