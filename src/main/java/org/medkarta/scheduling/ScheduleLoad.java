package org.medkarta.scheduling;

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
 * Doctors' load for the clinic dashboards (SPEC J3, issue 19): a clinic's slots in a period, booked,
 * free and closed, counted by the clinic's day and by doctor. Each figure is one aggregate statement
 * over the clinic's slots in the period (index {@code scheduling_slot_by_clinic_idx}), never rows
 * carried into Java, so a clinic of 200 doctors and a year of slots answers at once (bench/dashboard).
 *
 * <p>It does not check who asks: the dashboard that calls it decides who may see a clinic's figures.
 */
@Service
public class ScheduleLoad {

    /** The slots of one day (or of one doctor over the period) by status. */
    public record Count(long booked, long free, long closed) {

        /** Booked slots as a share of the slots that could be booked (booked and free), 0 when none. */
        public double share() {
            long open = booked + free;
            return open == 0 ? 0 : (double) booked / open;
        }
    }

    /** The clinic's slots that started on one day, in the clinic's zone. */
    public record Day(LocalDate day, Count count) {}

    /** One doctor's slots over the period. */
    public record Doctor(DoctorId doctor, Count count) {}

    /** What the query selects: the clinic, its zone, the days {@code from}–{@code to} inclusive, and optionally one doctor and one service. */
    public record Query(ClinicId clinic, ZoneId zone, LocalDate from, LocalDate to, DoctorId doctor, UUID service) {}

    private final JdbcClient jdbc;
    private final LocalDays days;

    ScheduleLoad(JdbcClient jdbc, LocalDays days) {
        this.jdbc = jdbc;
        this.days = days;
    }

    /** The slots by day, for the days that have any, in day order. */
    @Transactional(readOnly = true)
    public List<Day> byDay(Query query) {
        var sql = "SELECT local_day," + COUNTS + " FROM (SELECT " + days.dayOf("starts_at", "zone")
                + " AS local_day, status" + FROM + filters(query) + ") s GROUP BY local_day ORDER BY local_day";
        return params(jdbc.sql(sql), query)
                .param("zone", query.zone().getId())
                .query((row, n) -> new Day(row.getObject("local_day", LocalDate.class), count(row)))
                .list();
    }

    /** The slots by doctor over the period, for the doctors who have any. */
    @Transactional(readOnly = true)
    public List<Doctor> byDoctor(Query query) {
        var sql = "SELECT doctor_id," + COUNTS + FROM + filters(query) + " GROUP BY doctor_id";
        return params(jdbc.sql(sql), query)
                .query((row, n) -> new Doctor(new DoctorId(Columns.uuid(row, "doctor_id")), count(row)))
                .list();
    }

    /** Appointments the patient did not come to, by the day they were for and their doctor. */
    public record NoShow(LocalDate day, DoctorId doctor, long count) {}

    /**
     * The appointments marked «Пациент не пришёл» ({@link NoShows}) that were to start in the period,
     * by day (in the clinic's zone) and doctor.
     */
    @Transactional(readOnly = true)
    public List<NoShow> noShows(Query query) {
        var sql = "SELECT local_day, doctor_id, COUNT(*) AS n FROM (SELECT " + days.dayOf("starts_at", "zone")
                + " AS local_day, doctor_id FROM scheduling_appointment WHERE clinic_id = :clinic"
                + " AND starts_at >= :from AND starts_at < :to AND no_show_at IS NOT NULL AND status = 'BOOKED'"
                + (query.doctor() == null ? "" : " AND doctor_id = :doctor")
                + (query.service() == null ? "" : " AND service_id = :serviceId")
                + ") a GROUP BY local_day, doctor_id";
        var statement = params(jdbc.sql(sql), query).param("zone", query.zone().getId());
        if (query.service() != null) {
            statement = statement.param("serviceId", query.service());
        }
        return statement
                .query((row, n) -> new NoShow(
                        row.getObject("local_day", LocalDate.class),
                        new DoctorId(Columns.uuid(row, "doctor_id")),
                        row.getLong("n")))
                .list();
    }

    private static final String COUNTS = """
             SUM(CASE WHEN status = 'BOOKED' THEN 1 ELSE 0 END) AS booked,
             SUM(CASE WHEN status = 'FREE' THEN 1 ELSE 0 END) AS free,
             SUM(CASE WHEN status = 'CLOSED' THEN 1 ELSE 0 END) AS closed
            """;

    private static final String FROM =
            " FROM scheduling_slot WHERE clinic_id = :clinic AND starts_at >= :from AND starts_at < :to";

    private static String filters(Query query) {
        return (query.doctor() == null ? "" : " AND doctor_id = :doctor")
                // A slot lists the services it offers: a free slot counts for each of them.
                + (query.service() == null ? "" : " AND service_ids LIKE :service");
    }

    private static JdbcClient.StatementSpec params(JdbcClient.StatementSpec statement, Query query) {
        statement = statement
                .param("clinic", query.clinic().value())
                .param("from", Columns.utc(start(query.from(), query.zone())))
                .param("to", Columns.utc(start(query.to().plusDays(1), query.zone())));
        if (query.doctor() != null) {
            statement = statement.param("doctor", query.doctor().value());
        }
        if (query.service() != null) {
            statement = statement.param("service", "%" + query.service() + "%");
        }
        return statement;
    }

    private static Instant start(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    private static Count count(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Count(row.getLong("booked"), row.getLong("free"), row.getLong("closed"));
    }
}
