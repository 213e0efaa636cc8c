package org.medkarta.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
 * Doctors' load for the clinic dashboards (SPEC J3, issue 19): a clinic's slots in a period, booked,
 * free and closed, and the appointments the patient did not come to, counted by the clinic's day and
 * doctor in one statement, never rows carried into Java, so a clinic of 200 doctors and a year of
 * slots answers at once (bench/dashboard).
 *
 * <p>The settled days ({@link SettledDays}: a week and more ago) are read from the daily roll-up
 * {@code scheduling_load_day}, which {@link #rollUp} writes (hourly, from the dashboard module's job);
 * the later days, and every day when a service is asked for (the roll-up is by doctor, not service),
 * from the slots (index {@code scheduling_slot_by_clinic_idx}) and appointments.
 *
 * <p>It does not check who asks: the dashboard that calls it decides who may see a clinic's figures.
 */
@Service
public class ScheduleLoad {

    /** The slots of one day (or of one doctor over the period) by status. */
    public record Count(long booked, long free, long closed) {

        public static final Count NONE = new Count(0, 0, 0);

        /** Booked slots as a share of the slots that could be booked (booked and free), 0 when none. */
        public double share() {
            long open = booked + free;
            return open == 0 ? 0 : (double) booked / open;
        }

        /** This and another count together. */
        public Count plus(Count other) {
            return new Count(booked + other.booked, free + other.free, closed + other.closed);
        }
    }

    /**
     * The slots of one day (in the clinic's zone) or of one doctor over the period, and the
     * appointments among them marked «Пациент не пришёл» ({@link NoShows}).
     */
    public record Sum(Count count, long noShows) {

        public static final Sum NONE = new Sum(Count.NONE, 0);

        /** This and another sum together. */
        public Sum plus(Sum other) {
            return new Sum(count.plus(other.count), noShows + other.noShows);
        }
    }

    /** The period's load summed by day and by doctor, for the days and doctors that have any. */
    public record Sums(Map<LocalDate, Sum> byDay, Map<DoctorId, Sum> byDoctor) {}

    /** What the query selects: the clinic, its zone, the days {@code from}–{@code to} inclusive, and optionally one doctor and one service. */
    public record Query(ClinicId clinic, ZoneId zone, LocalDate from, LocalDate to, DoctorId doctor, UUID service) {}

    static final String ROLLED = "scheduling_load_rolled";

    private final JdbcClient jdbc;
    private final LocalDays days;
    private final SettledDays settled;

    ScheduleLoad(JdbcClient jdbc, LocalDays days, SettledDays settled) {
        this.jdbc = jdbc;
        this.days = days;
        this.settled = settled;
    }

    /**
     * The load over the period by day and by doctor, read at {@code now}. The cells by day and doctor
     * are summed both ways in the statement ({@link LocalDays#byDayAndDoctor}), so a year of 200
     * doctors sends about 600 rows, not 73,000.
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
            parts.add("SELECT on_day AS local_day, doctor_id, booked, free, closed, no_shows FROM scheduling_load_day"
                    + " WHERE clinic_id = :clinic AND on_day >= :from AND on_day < :rolled"
                    + (query.doctor() == null ? "" : " AND doctor_id = :doctor"));
        }
        return run(parts, rolled == null ? query.from() : rolled, end, query, rolled);
    }

    private Sums run(List<String> parts, LocalDate live, LocalDate end, Query query, LocalDate rolled) {
        if (live.isBefore(end)) {
            parts.add(fromRows(bins(query.zone(), live, end), query.doctor() != null, query.service() != null));
        }
        var statement = jdbc.sql(days.byDayAndDoctor(
                        String.join(" UNION ALL ", parts),
                        "SUM(booked) AS booked, SUM(free) AS free, SUM(closed) AS closed, SUM(no_shows) AS no_shows"))
                .param("clinic", query.clinic().value())
                .param("from", query.from());
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
            statement = statement.param("service", "%" + query.service() + "%").param("serviceId", query.service());
        }
        var byDay = new HashMap<LocalDate, Sum>();
        var byDoctor = new HashMap<DoctorId, Sum>();
        statement.query(row -> {
            var sum = new Sum(
                    new Count(row.getLong("booked"), row.getLong("free"), row.getLong("closed")),
                    row.getLong("no_shows"));
            var day = row.getObject("local_day", LocalDate.class);
            if (day != null) {
                byDay.put(day, sum);
            } else {
                byDoctor.put(new DoctorId(Columns.uuid(row, "doctor_id")), sum);
            }
        });
        return new Sums(byDay, byDoctor);
    }

    /**
     * Rolls the clinic's settled days up into {@code scheduling_load_day}: the days from {@link
     * SettledDays#recomputeFrom} to the horizon at {@code now}, in one transaction, so a reader sees
     * the old rows or the new ones, never a mixture.
     *
     * @return the rows written
     */
    @Transactional
    public int rollUp(ClinicId clinic, ZoneId zone, Instant now) {
        LocalDate from = settled.recomputeFrom(ROLLED, clinic, now, zone);
        LocalDate until = settled.horizon(now, zone);
        jdbc.sql("DELETE FROM scheduling_load_day WHERE clinic_id = :clinic AND on_day >= :from")
                .param("clinic", clinic.value())
                .param("from", from)
                .update();
        int written = 0;
        if (from.isBefore(until)) {
            written = rowParams(
                            jdbc.sql("INSERT INTO scheduling_load_day"
                                    + " (clinic_id, on_day, doctor_id, booked, free, closed, no_shows)"
                                    + " SELECT :clinic, local_day, doctor_id, SUM(booked), SUM(free), SUM(closed),"
                                    + " SUM(no_shows) FROM (" + fromRows(bins(zone, from, until), false, false) + ") c"
                                    + " GROUP BY local_day, doctor_id"),
                            zone,
                            from,
                            until)
                    .param("clinic", clinic.value())
                    .update();
        }
        settled.mark(ROLLED, clinic, until, now);
        return written;
    }

    /**
     * The days from {@code from} to before {@code end} as the slots' starts fall on them in the zone,
     * binned from {@code :liveFrom}, the first day's midnight that {@link #rowParams} binds.
     */
    private LocalDays.Bins bins(ZoneId zone, LocalDate from, LocalDate end) {
        return days.bins(
                "starts_at",
                "zone",
                "liveFrom",
                zone,
                from.atStartOfDay(zone).toInstant(),
                end.atStartOfDay(zone).toInstant());
    }

    /**
     * The load counted from the slots and appointments that start from {@code :liveFrom} to before
     * {@code :liveTo}: two aggregates, each grouping by the day bin of its own subquery (see {@link
     * LocalDays#bins}).
     */
    private String fromRows(LocalDays.Bins bins, boolean doctor, boolean service) {
        String byDoctor = doctor ? " AND doctor_id = :doctor" : "";
        return "SELECT " + bins.day("day_bin") + " AS local_day, doctor_id,"
                + " SUM(CASE WHEN status = 'BOOKED' THEN 1 ELSE 0 END) AS booked,"
                + " SUM(CASE WHEN status = 'FREE' THEN 1 ELSE 0 END) AS free,"
                + " SUM(CASE WHEN status = 'CLOSED' THEN 1 ELSE 0 END) AS closed, 0 AS no_shows"
                + " FROM (SELECT " + bins.bin() + " AS day_bin, doctor_id, status"
                + " FROM scheduling_slot WHERE clinic_id = :clinic AND starts_at >= :liveFrom AND starts_at < :liveTo"
                + byDoctor
                // A slot lists the services it offers: a free slot counts for each of them.
                + (service ? " AND service_ids LIKE :service" : "")
                + ") s GROUP BY day_bin, doctor_id"
                + " UNION ALL SELECT " + bins.day("day_bin") + " AS local_day, doctor_id, 0 AS booked, 0 AS free,"
                + " 0 AS closed, COUNT(*) AS no_shows"
                + " FROM (SELECT " + bins.bin() + " AS day_bin, doctor_id"
                + " FROM scheduling_appointment WHERE clinic_id = :clinic AND starts_at >= :liveFrom"
                + " AND starts_at < :liveTo AND no_show_at IS NOT NULL AND status = 'BOOKED'"
                + byDoctor
                + (service ? " AND service_id = :serviceId" : "")
                + ") a GROUP BY day_bin, doctor_id";
    }

    private static JdbcClient.StatementSpec rowParams(
            JdbcClient.StatementSpec statement, ZoneId zone, LocalDate from, LocalDate end) {
        return statement
                .param("zone", zone.getId())
                .param("liveFrom", Columns.utc(from.atStartOfDay(zone).toInstant()))
                .param("liveTo", Columns.utc(end.atStartOfDay(zone).toInstant()));
    }
}
