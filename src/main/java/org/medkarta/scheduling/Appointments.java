package org.medkarta.scheduling;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.Columns;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Appointments (SPEC C4, C5). */
@Repository
class Appointments {

    private static final String SELECT = """
            SELECT id, slot_id, patient_id, patient_user_id, doctor_id, clinic_id, service_id, starts_at, ends_at,
                   status, complaint, referral_id, booked_by, booked_at, cancelled_at, cancelled_by_clinic, version,
                   no_show_at
            FROM scheduling_appointment
            """;

    private final JdbcClient jdbc;

    Appointments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(AppointmentView appointment) {
        jdbc.sql("""
                        INSERT INTO scheduling_appointment (id, slot_id, active_slot_id, patient_id, patient_user_id,
                               doctor_id, clinic_id, service_id, starts_at, ends_at, status, complaint, referral_id,
                               booked_by, booked_at, timed_at, cancelled_by_clinic)
                        VALUES (:id, :slot, :slot, :patient, :user, :doctor, :clinic, :service, :start, :end, 'BOOKED',
                                :complaint, :referral, :bookedBy, :now, :now, FALSE)
                        """)
                .param("id", appointment.id())
                .param("slot", appointment.slotId())
                .param("patient", appointment.patientId().value())
                .param("user", appointment.patientUserId().value())
                .param("doctor", appointment.doctorId().value())
                .param("clinic", appointment.clinicId().value())
                .param("service", appointment.serviceId())
                .param("start", Columns.utc(appointment.start()))
                .param("end", Columns.utc(appointment.end()))
                .param("complaint", appointment.complaint())
                .param("referral", appointment.referralId())
                .param("bookedBy", appointment.bookedBy().value())
                .param("now", Columns.utc(appointment.bookedAt()))
                .update();
    }

    Optional<AppointmentView> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", id)
                .query(Appointments::row)
                .optional();
    }

    /** The appointment, locked for this transaction: cancel, reschedule and reminders queue up on it. */
    Optional<AppointmentView> lock(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(Appointments::row)
                .optional();
    }

    List<AppointmentView> ofPatient(PatientId patient, AppointmentStatus status) {
        return jdbc.sql(SELECT + " WHERE patient_id = :patient AND status IN (:statuses) ORDER BY starts_at DESC")
                .param("patient", patient.value())
                .param(
                        "statuses",
                        status == null
                                ? List.of(AppointmentStatus.BOOKED.name(), AppointmentStatus.CANCELLED.name())
                                : List.of(status.name()))
                .query(Appointments::row)
                .list();
    }

    /** Booked appointments the person booked on the patient's side for someone else (a child, a FULL grant). */
    List<AppointmentView> bookedForOthersBy(UserId user, PatientId own) {
        return jdbc.sql(SELECT + " WHERE patient_user_id = :user AND status = 'BOOKED'"
                        + " AND patient_id <> :own ORDER BY starts_at")
                .param("user", user.value())
                .param("own", own == null ? new java.util.UUID(0, 0) : own.value())
                .query(Appointments::row)
                .list();
    }

    List<AppointmentView> ofDoctor(DoctorId doctor, Instant from, Instant to) {
        return jdbc.sql(SELECT + " WHERE doctor_id = :doctor AND status = 'BOOKED' AND starts_at >= :from"
                        + " AND starts_at < :to ORDER BY starts_at")
                .param("doctor", doctor.value())
                .param("from", Columns.utc(from))
                .param("to", Columns.utc(to))
                .query(Appointments::row)
                .list();
    }

    /**
     * Claims an appointment's follow-up (notices, event) for the caller's transaction: true once per
     * appointment, the row staying locked until that transaction ends, so that the request that
     * booked and the job that follows up after a crash never both do it. An appointment cancelled
     * before its follow-up ran is owed nothing: its request was never opened.
     */
    boolean claimFollowUp(UUID id, Instant now) {
        return jdbc.sql(
                                "UPDATE scheduling_appointment SET followed_up_at = :now WHERE id = :id AND followed_up_at IS NULL AND status = 'BOOKED'")
                        .param("id", id)
                        .param("now", Columns.utc(now))
                        .update()
                == 1;
    }

    /** Appointments booked before {@code before} whose follow-up never ran, the oldest first. */
    List<UUID> owedFollowUp(Instant before, int limit) {
        return jdbc.sql("""
                        SELECT id FROM scheduling_appointment
                        WHERE followed_up_at IS NULL AND status = 'BOOKED' AND booked_at < :before ORDER BY booked_at LIMIT :limit
                        """)
                .param("before", Columns.utc(before))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /** Whether the patient holds a booked appointment other than {@code except} overlapping the interval. */
    boolean overlaps(PatientId patient, Instant start, Instant end, UUID except) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM scheduling_appointment
                        WHERE patient_id = :patient AND status = 'BOOKED' AND starts_at < :end AND ends_at > :start
                        AND id <> :except
                        """)
                        .param("patient", patient.value())
                        .param("start", Columns.utc(start))
                        .param("end", Columns.utc(end))
                        .param("except", except == null ? new UUID(0, 0) : except)
                        .query(Long.class)
                        .single()
                > 0;
    }

    boolean cancel(UUID id, UserId by, boolean byClinic, Instant now) {
        return jdbc.sql("""
                        UPDATE scheduling_appointment SET status = 'CANCELLED', active_slot_id = NULL,
                               cancelled_at = :now, cancelled_by = :by, cancelled_by_clinic = :byClinic,
                               version = version + 1
                        WHERE id = :id AND status = 'BOOKED'
                        """)
                        .param("id", id)
                        .param("by", by == null ? null : by.value())
                        .param("byClinic", byClinic)
                        .param("now", Columns.utc(now))
                        .update()
                == 1;
    }

    void move(UUID id, SlotView slot, Instant now) {
        jdbc.sql("""
                        UPDATE scheduling_appointment SET slot_id = :slot, active_slot_id = :slot, starts_at = :start,
                               ends_at = :end, timed_at = :now, version = version + 1
                        WHERE id = :id AND status = 'BOOKED'
                        """)
                .param("id", id)
                .param("slot", slot.id())
                .param("start", Columns.utc(slot.start()))
                .param("end", Columns.utc(slot.end()))
                .param("now", Columns.utc(now))
                .update();
    }

    /**
     * Booked appointments whose reminder {@code before} the start is due now and not yet sent, and
     * that were booked (or moved) before the reminder's moment: a booking made an hour ahead gets no
     * "tomorrow" reminder.
     */
    List<UUID> dueReminders(String kind, Duration before, Instant now, int limit) {
        record Due(UUID id, Instant start, Instant timed) {}
        return jdbc
                .sql("""
                        SELECT a.id, a.starts_at, a.timed_at FROM scheduling_appointment a
                        WHERE a.status = 'BOOKED' AND a.starts_at > :now AND a.starts_at <= :horizon
                        AND NOT EXISTS (SELECT 1 FROM scheduling_reminder r WHERE r.appointment_id = a.id
                                        AND r.kind = :kind AND r.starts_at = a.starts_at)
                        ORDER BY a.starts_at LIMIT :limit
                        """)
                .param("now", Columns.utc(now))
                .param("horizon", Columns.utc(now.plus(before)))
                .param("kind", kind)
                .param("limit", limit)
                .query((row, number) -> new Due(
                        Columns.uuid(row, "id"), Columns.instant(row, "starts_at"), Columns.instant(row, "timed_at")))
                .list()
                .stream()
                .filter(due -> !due.timed().isAfter(due.start().minus(before)))
                .map(Due::id)
                .toList();
    }

    private static AppointmentView row(ResultSet row, int number) throws SQLException {
        return new AppointmentView(
                Columns.uuid(row, "id"),
                Columns.uuid(row, "slot_id"),
                new PatientId(Columns.uuid(row, "patient_id")),
                new UserId(Columns.uuid(row, "patient_user_id")),
                new DoctorId(Columns.uuid(row, "doctor_id")),
                new ClinicId(Columns.uuid(row, "clinic_id")),
                Columns.uuid(row, "service_id"),
                Columns.instant(row, "starts_at"),
                Columns.instant(row, "ends_at"),
                AppointmentStatus.valueOf(row.getString("status")),
                row.getString("complaint"),
                Columns.uuid(row, "referral_id"),
                new UserId(Columns.uuid(row, "booked_by")),
                Columns.instant(row, "booked_at"),
                Columns.instant(row, "cancelled_at"),
                row.getBoolean("cancelled_by_clinic"),
                row.getInt("version"),
                Columns.instant(row, "no_show_at"));
    }
}
