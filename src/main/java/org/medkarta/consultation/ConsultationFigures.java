package org.medkarta.consultation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.Columns;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.LocalDays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A clinic's consultation requests for the clinic dashboards (SPEC J3, issue 19): by state as the
 * doctor's desk counts them (SPEC D2), overdue, missed, how soon doctors take requests into work, and
 * protocols sent. Each figure is one aggregate statement over the clinic's requests in the period
 * (indexes {@code consultation_by_clinic} and {@code consultation_closed_by_clinic}).
 *
 * <p>Requests count by the day of their appointment (its start in the clinic's zone); protocols by
 * the day they were sent. {@code overdue} and {@code missed} are read at {@code now}, as the desk
 * reads them (SPEC D3): overdue is a request not taken into work by its start, missed one whose
 * whole appointment time passed without it (a subset of overdue). Nothing in the product records
 * whether the patient came, so a request missed is the nearest figure to a no-show it can give.
 *
 * <p>It does not check who asks: the dashboard that calls it decides who may see a clinic's figures.
 */
@Service
public class ConsultationFigures {

    /**
     * Requests by desk state, and how soon they were taken.
     *
     * @param fresh NEW requests whose start is still ahead
     * @param overdue NEW requests whose start has passed
     * @param missed NEW requests whose end has passed too (counted in {@code overdue} as well)
     * @param taken requests taken into work (in work, closed), for the mean
     * @param takeSeconds the sum over taken requests of the seconds from the start to taking it
     *     (negative when taken before the start, as SPEC D3 allows from 15 minutes before)
     */
    public record Count(
            long fresh,
            long overdue,
            long missed,
            long inWork,
            long closed,
            long cancelled,
            long taken,
            long takeSeconds) {

        /** Every request in the period, cancelled ones included. */
        public long total() {
            return fresh + overdue + inWork + closed + cancelled;
        }

        /** The mean minutes from the start to taking into work, or null when none was taken. */
        public Double meanMinutesToTake() {
            return taken == 0 ? null : takeSeconds / 60.0 / taken;
        }

        /** This and another count together. */
        public Count plus(Count other) {
            return new Count(
                    fresh + other.fresh,
                    overdue + other.overdue,
                    missed + other.missed,
                    inWork + other.inWork,
                    closed + other.closed,
                    cancelled + other.cancelled,
                    taken + other.taken,
                    takeSeconds + other.takeSeconds);
        }

        public static final Count NONE = new Count(0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** The requests of one day (their appointment's start, in the clinic's zone). */
    public record Day(LocalDate day, Count count) {}

    /** One doctor's requests over the period, with the name the requests carry. */
    public record Doctor(DoctorId doctor, String name, Count count) {}

    /** Protocols sent on one day (in the clinic's zone). */
    public record SentDay(LocalDate day, long protocols) {}

    /** Protocols one doctor sent in the period. */
    public record SentByDoctor(DoctorId doctor, long protocols) {}

    /** The clinic, its zone, the days {@code from}–{@code to} inclusive, optionally one doctor and one service. */
    public record Query(ClinicId clinic, ZoneId zone, LocalDate from, LocalDate to, DoctorId doctor, UUID service) {}

    private static final String COUNTS = """
             SUM(CASE WHEN state = 'NEW' AND starts_at > :now THEN 1 ELSE 0 END) AS fresh,
             SUM(CASE WHEN state = 'NEW' AND starts_at <= :now THEN 1 ELSE 0 END) AS overdue,
             SUM(CASE WHEN state = 'NEW' AND ends_at <= :now THEN 1 ELSE 0 END) AS missed,
             SUM(CASE WHEN state = 'IN_WORK' THEN 1 ELSE 0 END) AS in_work,
             SUM(CASE WHEN state = 'CLOSED' THEN 1 ELSE 0 END) AS closed,
             SUM(CASE WHEN state = 'CANCELLED' THEN 1 ELSE 0 END) AS cancelled,
             SUM(CASE WHEN taken_at IS NOT NULL THEN 1 ELSE 0 END) AS taken,
             SUM(CASE WHEN taken_at IS NOT NULL
                      THEN EXTRACT(EPOCH FROM taken_at) - EXTRACT(EPOCH FROM starts_at) ELSE 0 END) AS take_seconds
            """;

    private final JdbcClient jdbc;
    private final LocalDays days;

    ConsultationFigures(JdbcClient jdbc, LocalDays days) {
        this.jdbc = jdbc;
        this.days = days;
    }

    /** The requests by day of their start, for the days that have any, in day order; states read at {@code now}. */
    @Transactional(readOnly = true)
    public List<Day> byDay(Query query, Instant now) {
        var sql = "SELECT starts_on," + COUNTS + " FROM consultation WHERE clinic_id = :clinic"
                + " AND starts_at >= :from AND starts_at < :to" + filters(query)
                + " GROUP BY starts_on ORDER BY starts_on";
        return params(jdbc.sql(sql), query)
                .param("now", Columns.utc(now))
                .query((row, n) -> new Day(row.getObject("starts_on", LocalDate.class), count(row)))
                .list();
    }

    /** The requests by doctor over the period; states read at {@code now}. */
    @Transactional(readOnly = true)
    public List<Doctor> byDoctor(Query query, Instant now) {
        var sql = "SELECT doctor_id, MAX(doctor_name) AS doctor_name," + COUNTS
                + " FROM consultation WHERE clinic_id = :clinic AND starts_at >= :from AND starts_at < :to"
                + filters(query) + " GROUP BY doctor_id";
        return params(jdbc.sql(sql), query)
                .param("now", Columns.utc(now))
                .query((row, n) -> new Doctor(
                        new DoctorId(Columns.uuid(row, "doctor_id")), row.getString("doctor_name"), count(row)))
                .list();
    }

    /** Protocols sent (requests closed) by the day they were sent, for the days that have any. */
    @Transactional(readOnly = true)
    public List<SentDay> sentByDay(Query query) {
        var sql = "SELECT local_day, COUNT(*) AS protocols FROM (SELECT " + days.dayOf("closed_at", "zone")
                + " AS local_day FROM consultation WHERE clinic_id = :clinic AND closed_at >= :from AND closed_at < :to"
                + filters(query) + ") s GROUP BY local_day ORDER BY local_day";
        return params(jdbc.sql(sql), query)
                .param("zone", query.zone().getId())
                .query((row, n) -> new SentDay(row.getObject("local_day", LocalDate.class), row.getLong("protocols")))
                .list();
    }

    /** Protocols sent in the period by doctor. */
    @Transactional(readOnly = true)
    public List<SentByDoctor> sentByDoctor(Query query) {
        var sql = "SELECT doctor_id, COUNT(*) AS protocols FROM consultation WHERE clinic_id = :clinic"
                + " AND closed_at >= :from AND closed_at < :to" + filters(query) + " GROUP BY doctor_id";
        return params(jdbc.sql(sql), query)
                .query((row, n) ->
                        new SentByDoctor(new DoctorId(Columns.uuid(row, "doctor_id")), row.getLong("protocols")))
                .list();
    }

    private static String filters(Query query) {
        return (query.doctor() == null ? "" : " AND doctor_id = :doctor")
                + (query.service() == null ? "" : " AND service_id = :service");
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec statement, Query query) {
        statement = statement
                .param("clinic", query.clinic().value())
                .param(
                        "from",
                        Columns.utc(query.from().atStartOfDay(query.zone()).toInstant()))
                .param(
                        "to",
                        Columns.utc(query.to()
                                .plusDays(1)
                                .atStartOfDay(query.zone())
                                .toInstant()));
        if (query.doctor() != null) {
            statement = statement.param("doctor", query.doctor().value());
        }
        if (query.service() != null) {
            statement = statement.param("service", query.service());
        }
        return statement;
    }

    private static Count count(ResultSet row) throws SQLException {
        return new Count(
                row.getLong("fresh"),
                row.getLong("overdue"),
                row.getLong("missed"),
                row.getLong("in_work"),
                row.getLong("closed"),
                row.getLong("cancelled"),
                row.getLong("taken"),
                Math.round(row.getDouble("take_seconds")));
    }
}
