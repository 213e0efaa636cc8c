package org.medkarta.scheduling;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.Columns;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.PatientId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The walk-in queues, their duties and tickets (SPEC C9). The queue's row is the lock: numbering a
 * ticket and calling the next one both hold it to the end of the transaction, so two doctors
 * pressing "next" on two nodes at once are served one after the other, never with one ticket.
 */
@Repository
class WalkIns {

    static final String TICKET_COLUMNS =
            "t.id, t.queue_id, t.number, t.patient_id, t.line_rank, t.prebooked, t.privileged, t.channel, t.status,"
                    + " t.taken_by, t.taken_at, t.called_at, t.doctor_id, t.room, t.finished_at, t.wait_seconds,"
                    + " t.service_seconds";

    private final JdbcClient jdbc;

    WalkIns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Queue(
            UUID id,
            ClinicId clinicId,
            String name,
            String specialty,
            String room,
            LocalDate day,
            LocalTime opensAt,
            LocalTime closesAt) {}

    record Duty(UUID queueId, DoctorId doctorId, String room) {}

    record Ticket(
            UUID id,
            UUID queueId,
            int number,
            PatientId patientId,
            int rank,
            WalkInChannel channel,
            WalkInTicketStatus status,
            UUID takenBy,
            Instant takenAt,
            Instant calledAt,
            DoctorId doctorId,
            String room,
            Instant finishedAt) {}

    // ---------------------------------------------------------------- queues

    void insert(Queue queue, UUID createdBy, Instant now) {
        jdbc.sql("""
                        INSERT INTO scheduling_walk_in_queue
                            (id, clinic_id, name, specialty, room, queue_day, opens_at, closes_at, created_by, created_at)
                        VALUES (:id, :clinic, :name, :specialty, :room, :day, :opens, :closes, :by, :at)
                        """)
                .param("id", queue.id())
                .param("clinic", queue.clinicId().value())
                .param("name", queue.name())
                .param("specialty", queue.specialty())
                .param("room", queue.room())
                .param("day", queue.day())
                .param("opens", queue.opensAt())
                .param("closes", queue.closesAt())
                .param("by", createdBy)
                .param("at", Columns.utc(now))
                .update();
    }

    void insert(Duty duty) {
        jdbc.sql("INSERT INTO scheduling_walk_in_duty (queue_id, doctor_id, room) VALUES (:queue, :doctor, :room)")
                .param("queue", duty.queueId())
                .param("doctor", duty.doctorId().value())
                .param("room", duty.room())
                .update();
    }

    Optional<Queue> queue(UUID id) {
        return jdbc.sql("SELECT * FROM scheduling_walk_in_queue WHERE id = :id")
                .param("id", id)
                .query(WalkIns::queue)
                .optional();
    }

    /** The queue's row, locked to the end of the transaction; empty for an unknown queue. */
    Optional<Queue> lock(UUID id) {
        return jdbc.sql("SELECT * FROM scheduling_walk_in_queue WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(WalkIns::queue)
                .optional();
    }

    List<Queue> queuesOf(ClinicId clinic, LocalDate day) {
        return jdbc.sql("""
                        SELECT * FROM scheduling_walk_in_queue WHERE clinic_id = :clinic AND queue_day = :day
                        ORDER BY opens_at, name
                        """)
                .param("clinic", clinic.value())
                .param("day", day)
                .query(WalkIns::queue)
                .list();
    }

    List<Queue> queuesOn(LocalDate from, LocalDate to, int limit) {
        return jdbc.sql("""
                        SELECT * FROM scheduling_walk_in_queue WHERE queue_day BETWEEN :from AND :to
                        ORDER BY queue_day, opens_at, name LIMIT :limit
                        """)
                .param("from", from)
                .param("to", to)
                .param("limit", limit)
                .query(WalkIns::queue)
                .list();
    }

    /** The queues these doctor profiles are on duty in, on the days given. */
    List<Queue> dutiesOf(Collection<DoctorId> doctors, LocalDate from, LocalDate to) {
        if (doctors.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT DISTINCT q.* FROM scheduling_walk_in_queue q
                        JOIN scheduling_walk_in_duty d ON d.queue_id = q.id
                        WHERE d.doctor_id IN (:doctors) AND q.queue_day BETWEEN :from AND :to
                        ORDER BY q.queue_day, q.opens_at, q.name
                        """)
                .param("doctors", doctors.stream().map(DoctorId::value).toList())
                .param("from", from)
                .param("to", to)
                .query(WalkIns::queue)
                .list();
    }

    List<Duty> duties(UUID queue) {
        return jdbc.sql("SELECT * FROM scheduling_walk_in_duty WHERE queue_id = :queue ORDER BY room, doctor_id")
                .param("queue", queue)
                .query((row, n) -> new Duty(
                        Columns.uuid(row, "queue_id"),
                        new DoctorId(Columns.uuid(row, "doctor_id")),
                        row.getString("room")))
                .list();
    }

    // ---------------------------------------------------------------- numbering and the line

    /** The next number of a queue whose row the caller holds locked. */
    int nextNumber(UUID queue) {
        jdbc.sql("UPDATE scheduling_walk_in_queue SET last_number = last_number + 1 WHERE id = :id")
                .param("id", queue)
                .update();
        return jdbc.sql("SELECT last_number FROM scheduling_walk_in_queue WHERE id = :id")
                .param("id", queue)
                .query(Integer.class)
                .single();
    }

    void insert(Ticket ticket, boolean prebooked, boolean privileged) {
        jdbc.sql("""
                        INSERT INTO scheduling_walk_in_ticket
                            (id, queue_id, number, patient_id, line_rank, prebooked, privileged, channel, status,
                             taken_by, taken_at)
                        VALUES (:id, :queue, :number, :patient, :rank, :prebooked, :privileged, :channel, :status,
                                :by, :at)
                        """)
                .param("id", ticket.id())
                .param("queue", ticket.queueId())
                .param("number", ticket.number())
                .param("patient", ticket.patientId().value())
                .param("rank", ticket.rank())
                .param("prebooked", prebooked)
                .param("privileged", privileged)
                .param("channel", ticket.channel().name())
                .param("status", ticket.status().name())
                .param("by", ticket.takenBy())
                .param("at", Columns.utc(ticket.takenAt()))
                .update();
    }

    Optional<Ticket> ticket(UUID id) {
        return jdbc.sql("SELECT " + TICKET_COLUMNS + " FROM scheduling_walk_in_ticket t WHERE t.id = :id")
                .param("id", id)
                .query(WalkIns::ticket)
                .optional();
    }

    /** The patient's ticket in the queue that is still waiting or with a doctor. */
    Optional<Ticket> openTicket(UUID queue, PatientId patient) {
        return jdbc.sql("SELECT " + TICKET_COLUMNS + " FROM scheduling_walk_in_ticket t"
                        + " WHERE t.queue_id = :queue AND t.patient_id = :patient"
                        + " AND t.status IN ('WAITING', 'CALLED')")
                .param("queue", queue)
                .param("patient", patient.value())
                .query(WalkIns::ticket)
                .optional();
    }

    /** The patient's tickets of the days given, newest first. */
    List<Ticket> ticketsOf(PatientId patient, LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT " + TICKET_COLUMNS + " FROM scheduling_walk_in_ticket t"
                        + " JOIN scheduling_walk_in_queue q ON q.id = t.queue_id"
                        + " WHERE t.patient_id = :patient AND q.queue_day BETWEEN :from AND :to"
                        + " ORDER BY t.taken_at DESC")
                .param("patient", patient.value())
                .param("from", from)
                .param("to", to)
                .query(WalkIns::ticket)
                .list();
    }

    /** The waiting line in the order it is called: higher rank first, then by number. */
    List<Ticket> waiting(UUID queue, int limit) {
        return jdbc.sql("SELECT " + TICKET_COLUMNS + " FROM scheduling_walk_in_ticket t"
                        + " WHERE t.queue_id = :queue AND t.status = 'WAITING'"
                        + " ORDER BY t.line_rank DESC, t.number LIMIT :limit")
                .param("queue", queue)
                .param("limit", limit)
                .query(WalkIns::ticket)
                .list();
    }

    int waitingCount(UUID queue) {
        return jdbc.sql("SELECT COUNT(*) FROM scheduling_walk_in_ticket WHERE queue_id = :queue AND status = 'WAITING'")
                .param("queue", queue)
                .query(Integer.class)
                .single();
    }

    /** 1 for the next to be called; counts the waiting tickets that go before this one. */
    int position(Ticket ticket) {
        return 1
                + jdbc.sql("""
                                SELECT COUNT(*) FROM scheduling_walk_in_ticket
                                WHERE queue_id = :queue AND status = 'WAITING'
                                  AND (line_rank > :rank OR (line_rank = :rank AND number < :number))
                                """)
                        .param("queue", ticket.queueId())
                        .param("rank", ticket.rank())
                        .param("number", ticket.number())
                        .query(Integer.class)
                        .single();
    }

    /** The ticket the doctor has with them in the queue now. */
    Optional<Ticket> calledBy(UUID queue, DoctorId doctor) {
        return jdbc.sql("SELECT " + TICKET_COLUMNS + " FROM scheduling_walk_in_ticket t"
                        + " WHERE t.queue_id = :queue AND t.doctor_id = :doctor AND t.status = 'CALLED'")
                .param("queue", queue)
                .param("doctor", doctor.value())
                .query(WalkIns::ticket)
                .optional();
    }

    /** Hands a waiting ticket to a doctor; false when it is no longer waiting. */
    boolean call(UUID ticket, DoctorId doctor, String room, Instant now, int waitSeconds) {
        return jdbc.sql("""
                                UPDATE scheduling_walk_in_ticket
                                SET status = 'CALLED', doctor_id = :doctor, room = :room, called_at = :at,
                                    wait_seconds = :wait
                                WHERE id = :id AND status = 'WAITING'
                                """)
                        .param("id", ticket)
                        .param("doctor", doctor.value())
                        .param("room", room)
                        .param("at", Columns.utc(now))
                        .param("wait", waitSeconds)
                        .update()
                == 1;
    }

    /** Ends a called ticket as served or not come; false when it is not with a doctor. */
    boolean finish(UUID ticket, WalkInTicketStatus outcome, Instant now, Integer serviceSeconds) {
        return jdbc.sql("""
                                UPDATE scheduling_walk_in_ticket
                                SET status = :outcome, finished_at = :at, service_seconds = :service
                                WHERE id = :id AND status = 'CALLED'
                                """)
                        .param("id", ticket)
                        .param("outcome", outcome.name())
                        .param("at", Columns.utc(now))
                        .param("service", serviceSeconds)
                        .update()
                == 1;
    }

    /** Claims the "two places away" notice of a ticket once; false when it was claimed before. */
    boolean claimNearNotice(UUID ticket) {
        return jdbc.sql("UPDATE scheduling_walk_in_ticket SET near_told = TRUE WHERE id = :id AND near_told = FALSE")
                        .param("id", ticket)
                        .update()
                == 1;
    }

    /** The tickets now with a doctor in the queue, most recently called first: what the board shows. */
    List<Ticket> called(UUID queue, int limit) {
        return jdbc.sql("SELECT " + TICKET_COLUMNS + " FROM scheduling_walk_in_ticket t"
                        + " WHERE t.queue_id = :queue AND t.status = 'CALLED'"
                        + " ORDER BY t.called_at DESC, t.number DESC LIMIT :limit")
                .param("queue", queue)
                .param("limit", limit)
                .query(WalkIns::ticket)
                .list();
    }

    /**
     * The mean service time in seconds of the last {@code recent} patients served by walk-in queues
     * of the clinic and specialty; empty before the first.
     */
    Optional<Double> recentServiceSeconds(ClinicId clinic, String specialty, int recent) {
        return jdbc.sql("""
                        SELECT AVG(CAST(service_seconds AS DOUBLE PRECISION)) FROM (
                            SELECT t.service_seconds FROM scheduling_walk_in_ticket t
                            JOIN scheduling_walk_in_queue q ON q.id = t.queue_id
                            WHERE q.clinic_id = :clinic AND q.specialty = :specialty AND t.status = 'SERVED'
                            ORDER BY t.finished_at DESC LIMIT :recent) recent
                        """)
                .param("clinic", clinic.value())
                .param("specialty", specialty)
                .param("recent", recent)
                .query((row, n) -> {
                    double mean = row.getDouble(1);
                    return row.wasNull() ? null : mean;
                })
                .optional();
    }

    /** Whether the patient has a booked appointment at the clinic between the two instants. */
    boolean booked(PatientId patient, ClinicId clinic, Instant from, Instant to) {
        return jdbc.sql("""
                                SELECT COUNT(*) FROM scheduling_appointment
                                WHERE patient_id = :patient AND clinic_id = :clinic AND status = 'BOOKED'
                                  AND starts_at >= :from AND starts_at < :to
                                """)
                        .param("patient", patient.value())
                        .param("clinic", clinic.value())
                        .param("from", Columns.utc(from))
                        .param("to", Columns.utc(to))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Whether one of these doctor profiles called the patient's ticket (a visit that began). */
    boolean saw(Collection<DoctorId> doctors, PatientId patient) {
        if (doctors.isEmpty()) {
            return false;
        }
        return jdbc.sql("""
                                SELECT COUNT(*) FROM scheduling_walk_in_ticket
                                WHERE patient_id = :patient AND doctor_id IN (:doctors)
                                  AND status IN ('CALLED', 'SERVED')
                                """)
                        .param("patient", patient.value())
                        .param("doctors", doctors.stream().map(DoctorId::value).toList())
                        .query(Long.class)
                        .single()
                > 0;
    }

    // ---------------------------------------------------------------- settings

    WalkInSettings settings(ClinicId clinic) {
        return jdbc.sql("SELECT prebooked_first, privileged_first FROM scheduling_walk_in_setting WHERE clinic_id = :c")
                .param("c", clinic.value())
                .query((row, n) -> new WalkInSettings(row.getBoolean(1), row.getBoolean(2)))
                .optional()
                .orElse(WalkInSettings.NONE);
    }

    void choose(ClinicId clinic, WalkInSettings settings) {
        int updated = jdbc.sql("""
                        UPDATE scheduling_walk_in_setting SET prebooked_first = :prebooked, privileged_first = :privileged
                        WHERE clinic_id = :c
                        """)
                .param("c", clinic.value())
                .param("prebooked", settings.prebookedFirst())
                .param("privileged", settings.privilegedFirst())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO scheduling_walk_in_setting (clinic_id, prebooked_first, privileged_first)
                            VALUES (:c, :prebooked, :privileged)
                            """)
                    .param("c", clinic.value())
                    .param("prebooked", settings.prebookedFirst())
                    .param("privileged", settings.privilegedFirst())
                    .update();
        }
    }

    // ---------------------------------------------------------------- reports

    record Tally(UUID queueId, DoctorId doctorId, int served, int noShows, double meanWait, int maxWait) {}

    /** Per queue and doctor of the clinic's queues of a day: served, not come, waits in seconds. */
    List<Tally> tallies(ClinicId clinic, LocalDate day) {
        return jdbc.sql("""
                        SELECT t.queue_id, t.doctor_id,
                               SUM(CASE WHEN t.status = 'SERVED' THEN 1 ELSE 0 END) AS served,
                               SUM(CASE WHEN t.status = 'NO_SHOW' THEN 1 ELSE 0 END) AS no_shows,
                               AVG(CAST(t.wait_seconds AS DOUBLE PRECISION)) AS mean_wait,
                               MAX(t.wait_seconds) AS max_wait
                        FROM scheduling_walk_in_ticket t
                        JOIN scheduling_walk_in_queue q ON q.id = t.queue_id
                        WHERE q.clinic_id = :clinic AND q.queue_day = :day AND t.doctor_id IS NOT NULL
                        GROUP BY t.queue_id, t.doctor_id
                        """)
                .param("clinic", clinic.value())
                .param("day", day)
                .query((row, n) -> new Tally(
                        Columns.uuid(row, "queue_id"),
                        new DoctorId(Columns.uuid(row, "doctor_id")),
                        row.getInt("served"),
                        row.getInt("no_shows"),
                        row.getDouble("mean_wait"),
                        row.getInt("max_wait")))
                .list();
    }

    /** Walk-in waits per doctor and day of the clinic's queues between two days, both included. */
    List<WalkInWaits> waits(ClinicId clinic, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        SELECT t.doctor_id, q.queue_day,
                               AVG(CAST(t.wait_seconds AS DOUBLE PRECISION)) / 60 AS mean_wait,
                               MAX(t.wait_seconds) AS max_wait,
                               SUM(CASE WHEN t.status = 'SERVED' THEN 1 ELSE 0 END) AS served,
                               SUM(CASE WHEN t.status = 'NO_SHOW' THEN 1 ELSE 0 END) AS no_shows
                        FROM scheduling_walk_in_ticket t
                        JOIN scheduling_walk_in_queue q ON q.id = t.queue_id
                        WHERE q.clinic_id = :clinic AND q.queue_day BETWEEN :from AND :to
                          AND t.doctor_id IS NOT NULL
                        GROUP BY t.doctor_id, q.queue_day
                        ORDER BY q.queue_day, t.doctor_id
                        """)
                .param("clinic", clinic.value())
                .param("from", from)
                .param("to", to)
                .query((row, n) -> new WalkInWaits(
                        new DoctorId(Columns.uuid(row, "doctor_id")),
                        row.getObject("queue_day", LocalDate.class),
                        Math.round(row.getDouble("mean_wait") * 10) / 10.0,
                        (row.getInt("max_wait") + 59) / 60,
                        row.getInt("served"),
                        row.getInt("no_shows")))
                .list();
    }

    private static Queue queue(ResultSet row, int n) throws SQLException {
        return new Queue(
                Columns.uuid(row, "id"),
                new ClinicId(Columns.uuid(row, "clinic_id")),
                row.getString("name"),
                row.getString("specialty"),
                row.getString("room"),
                row.getObject("queue_day", LocalDate.class),
                row.getObject("opens_at", LocalTime.class),
                row.getObject("closes_at", LocalTime.class));
    }

    private static Ticket ticket(ResultSet row, int n) throws SQLException {
        UUID doctor = Columns.uuid(row, "doctor_id");
        return new Ticket(
                Columns.uuid(row, "id"),
                Columns.uuid(row, "queue_id"),
                row.getInt("number"),
                new PatientId(Columns.uuid(row, "patient_id")),
                row.getInt("line_rank"),
                WalkInChannel.valueOf(row.getString("channel")),
                WalkInTicketStatus.valueOf(row.getString("status")),
                Columns.uuid(row, "taken_by"),
                Columns.instant(row, "taken_at"),
                Columns.instant(row, "called_at"),
                doctor == null ? null : new DoctorId(doctor),
                row.getString("room"),
                Columns.instant(row, "finished_at"));
    }
}
