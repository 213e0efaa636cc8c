package org.medkarta.consultation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.Columns;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.LocalDays;
import org.medkarta.shared.SettledDays;
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

    /**
     * The requests whose appointment started on one day (in the clinic's zone), or one doctor's over
     * the period, and the protocols sent on that day or by that doctor.
     *
     * @param name by doctor, the name their rolled-up requests carry (null by day, and for a doctor
     *     counted only from the rows: see {@link #doctorNames})
     */
    public record Sum(Count count, long sent, String name) {

        public static final Sum NONE = new Sum(Count.NONE, 0, null);

        /** This and another sum together, without a name. */
        public Sum plus(Sum other) {
            return new Sum(count.plus(other.count), sent + other.sent, null);
        }
    }

    /** The period's requests and protocols summed by day and by doctor, for the days and doctors that have any. */
    public record Sums(Map<LocalDate, Sum> byDay, Map<DoctorId, Sum> byDoctor) {}

    /** The clinic, its zone, the days {@code from}–{@code to} inclusive, optionally one doctor and one service. */
    public record Query(ClinicId clinic, ZoneId zone, LocalDate from, LocalDate to, DoctorId doctor, UUID service) {}

    static final String ROLLED = "consultation_day_rolled";

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
    private final SettledDays settled;

    ConsultationFigures(JdbcClient jdbc, LocalDays days, SettledDays settled) {
        this.jdbc = jdbc;
        this.days = days;
        this.settled = settled;
    }

    /**
     * The requests and protocols over the period by day and by doctor, states read at {@code now}.
     * The cells by day and doctor are summed both ways in the statement ({@link
     * LocalDays#byDayAndDoctor}), so a year of 200 doctors sends about 600 rows, not 73,000.
     */
    @Transactional(readOnly = true)
    public Sums sums(Query query, Instant now) {
        LocalDate end = query.to().plusDays(1);
        var parts = new ArrayList<String>();
        LocalDate rolled = query.service() != null
                ? null
                : settled.readableUntil(ROLLED, query.clinic(), now, query.zone())
                        .filter(until -> until.isAfter(query.from()))
                        .map(until -> until.isBefore(end) ? until : end)
                        .orElse(null);
        if (rolled != null) {
            // On a settled day a request still new is overdue and missed.
            parts.add("SELECT on_day AS local_day, doctor_id, doctor_name, 0 AS fresh, new_count AS overdue,"
                    + " new_count AS missed, in_work, closed, cancelled, taken, take_seconds, sent"
                    + " FROM consultation_day WHERE clinic_id = :clinic AND on_day >= :from AND on_day < :rolled"
                    + (query.doctor() == null ? "" : " AND doctor_id = :doctor"));
        }
        LocalDate live = rolled == null ? query.from() : rolled;
        if (live.isBefore(end)) {
            parts.add(fromRows(query, false));
        }
        var statement = jdbc.sql(days.byDayAndDoctor(
                        String.join(" UNION ALL ", parts),
                        "MAX(doctor_name) AS doctor_name, SUM(fresh) AS fresh, SUM(overdue) AS overdue,"
                                + " SUM(missed) AS missed, SUM(in_work) AS in_work, SUM(closed) AS closed,"
                                + " SUM(cancelled) AS cancelled, SUM(taken) AS taken,"
                                + " SUM(take_seconds) AS take_seconds, SUM(sent) AS sent"))
                .param("clinic", query.clinic().value())
                .param("from", query.from())
                .param("now", Columns.utc(now));
        if (rolled != null) {
            statement = statement.param("rolled", rolled);
        }
        if (live.isBefore(end)) {
            statement = rowParams(statement, query.zone(), live, end);
        }
        if (query.doctor() != null) {
            statement = statement.param("doctor", query.doctor().value());
        }
        if (query.service() != null) {
            statement = statement.param("service", query.service());
        }
        var byDay = new HashMap<LocalDate, Sum>();
        var byDoctor = new HashMap<DoctorId, Sum>();
        statement.query(row -> {
            var day = row.getObject("local_day", LocalDate.class);
            if (day != null) {
                byDay.put(day, new Sum(count(row), row.getLong("sent"), null));
            } else {
                byDoctor.put(
                        new DoctorId(Columns.uuid(row, "doctor_id")),
                        new Sum(count(row), row.getLong("sent"), row.getString("doctor_name")));
            }
        });
        return new Sums(byDay, byDoctor);
    }

    /**
     * The names the clinic's requests carry for the given doctors (the name at booking): for a doctor
     * no longer in the clinic whose requests a dashboard counts. Doctors with no request here are left out.
     */
    @Transactional(readOnly = true)
    public Map<DoctorId, String> doctorNames(ClinicId clinic, Collection<DoctorId> doctors) {
        if (doctors.isEmpty()) {
            return Map.of();
        }
        var names = new HashMap<DoctorId, String>();
        jdbc.sql("SELECT doctor_id, MAX(doctor_name) AS doctor_name FROM consultation"
                        + " WHERE clinic_id = :clinic AND doctor_id IN (:doctors) GROUP BY doctor_id")
                .param("clinic", clinic.value())
                .param("doctors", doctors.stream().map(DoctorId::value).toList())
                .query((row, n) ->
                        names.put(new DoctorId(Columns.uuid(row, "doctor_id")), row.getString("doctor_name")))
                .list();
        return names;
    }

    /**
     * Rolls the clinic's settled days up into {@code consultation_day}: the days from {@link
     * SettledDays#recomputeFrom} to the horizon at {@code now}, in one transaction.
     *
     * @return the rows written
     */
    @Transactional
    public int rollUp(ClinicId clinic, ZoneId zone, Instant now) {
        LocalDate from = settled.recomputeFrom(ROLLED, clinic, now, zone);
        LocalDate until = settled.horizon(now, zone);
        jdbc.sql("DELETE FROM consultation_day WHERE clinic_id = :clinic AND on_day >= :from")
                .param("clinic", clinic.value())
                .param("from", from)
                .update();
        int written = 0;
        if (from.isBefore(until)) {
            var query = new Query(clinic, zone, from, until.minusDays(1), null, null);
            written = rowParams(
                            jdbc.sql("INSERT INTO consultation_day (clinic_id, on_day, doctor_id, doctor_name,"
                                    + " new_count, in_work, closed, cancelled, taken, take_seconds, sent)"
                                    + " SELECT :clinic, local_day, doctor_id, MAX(doctor_name),"
                                    + " SUM(fresh) + SUM(overdue), SUM(in_work), SUM(closed), SUM(cancelled),"
                                    + " SUM(taken), ROUND(SUM(take_seconds)), SUM(sent) FROM (" + fromRows(query, true)
                                    + ") c GROUP BY local_day, doctor_id"),
                            zone,
                            from,
                            until)
                    .param("clinic", clinic.value())
                    .param("now", Columns.utc(now))
                    .update();
        }
        settled.mark(ROLLED, clinic, until, now);
        return written;
    }

    /**
     * The requests whose appointment starts from {@code :liveFrom} to before {@code :liveTo} by the
     * day of their start and doctor, and the protocols sent in that time by the day they were sent
     * (grouped by the day of its own subquery, see {@link LocalDays#dayOf}) and doctor.
     *
     * <p>With {@code names} the requests' doctor name is taken as well, for the roll-up, which keeps
     * the name of a doctor who has left the clinic. A dashboard's reading leaves it out: the count
     * then reads only what the index {@code consultation_by_clinic} carries (an index-only scan on
     * PostgreSQL) and groups narrow rows; the names of the clinic's doctors come from the clinic, and
     * {@link #doctorNames} answers for anyone else.
     */
    private String fromRows(Query query, boolean names) {
        String filters = (query.doctor() == null ? "" : " AND doctor_id = :doctor")
                + (query.service() == null ? "" : " AND service_id = :service");
        return "SELECT starts_on AS local_day, doctor_id, "
                + (names ? "MAX(doctor_name)" : "CAST(NULL AS VARCHAR(300))") + " AS doctor_name," + COUNTS
                + ", 0 AS sent"
                + " FROM consultation WHERE clinic_id = :clinic AND starts_at >= :liveFrom AND starts_at < :liveTo"
                + filters + " GROUP BY starts_on, doctor_id"
                + " UNION ALL SELECT local_day, doctor_id, CAST(NULL AS VARCHAR(300)) AS doctor_name, 0 AS fresh,"
                + " 0 AS overdue, 0 AS missed, 0 AS in_work, 0 AS closed, 0 AS cancelled, 0 AS taken,"
                + " 0 AS take_seconds, COUNT(*) AS sent FROM (SELECT " + days.dayOf("closed_at", "zone")
                + " AS local_day, doctor_id FROM consultation WHERE clinic_id = :clinic"
                + " AND closed_at >= :liveFrom AND closed_at < :liveTo" + filters + ") s GROUP BY local_day, doctor_id";
    }

    private static JdbcClient.StatementSpec rowParams(
            JdbcClient.StatementSpec statement, ZoneId zone, LocalDate from, LocalDate end) {
        return statement
                .param("zone", zone.getId())
                .param("liveFrom", Columns.utc(from.atStartOfDay(zone).toInstant()))
                .param("liveTo", Columns.utc(end.atStartOfDay(zone).toInstant()));
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
