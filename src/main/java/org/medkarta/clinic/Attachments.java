package org.medkarta.clinic;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.Columns;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Patients' attachment requests and attachments (SPEC B6). */
@Repository
class Attachments {

    /** An attachment row with the account to tell about decisions. */
    record Row(AttachmentView view, UserId user) {}

    private static final String SELECT = """
            SELECT a.id, a.patient_id, a.user_id, a.clinic_id, c.name AS clinic_name, a.kind, a.status, a.reason,
                   a.requested_at, a.decided_at, a.ended_at, a.appeal, a.appealed_at, a.appealed_reason
            FROM clinic_attachment a JOIN clinic c ON c.id = a.clinic_id
            """;

    private final JdbcClient jdbc;

    Attachments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void request(UUID id, PatientId patient, UserId user, ClinicId clinic, AttachmentKind kind, Instant now) {
        jdbc.sql("""
                        INSERT INTO clinic_attachment (id, patient_id, user_id, clinic_id, kind, status, requested_at)
                        VALUES (:id, :patient, :user, :clinic, :kind, 'REQUESTED', :now)
                        """)
                .param("id", id)
                .param("patient", patient.value())
                .param("user", user.value())
                .param("clinic", clinic.value())
                .param("kind", kind.name())
                .param("now", Columns.utc(now))
                .update();
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE a.id = :id")
                .param("id", id)
                .query(Attachments::row)
                .optional();
    }

    /** A patient's attachments and requests, locked for this transaction: decisions about one patient queue up. */
    List<AttachmentView> ofPatientLocked(PatientId patient) {
        jdbc.sql("SELECT id FROM clinic_attachment WHERE patient_id = :patient FOR UPDATE")
                .param("patient", patient.value())
                .query(UUID.class)
                .list();
        return ofPatient(patient);
    }

    List<AttachmentView> ofPatient(PatientId patient) {
        return jdbc
                .sql(SELECT + " WHERE a.patient_id = :patient ORDER BY a.requested_at DESC, a.id")
                .param("patient", patient.value())
                .query(Attachments::row)
                .list()
                .stream()
                .map(Row::view)
                .toList();
    }

    List<AttachmentView> ofClinic(ClinicId clinic, AttachmentStatus status) {
        var query = status == null
                ? jdbc.sql(SELECT + " WHERE a.clinic_id = :clinic ORDER BY a.requested_at, a.id")
                : jdbc.sql(SELECT + " WHERE a.clinic_id = :clinic AND a.status = :status ORDER BY a.requested_at, a.id")
                        .param("status", status.name());
        return query.param("clinic", clinic.value()).query(Attachments::row).list().stream()
                .map(Row::view)
                .toList();
    }

    void end(UUID id, Instant now) {
        jdbc.sql("UPDATE clinic_attachment SET status = 'ENDED', ended_at = :now, active_key = NULL WHERE id = :id")
                .param("id", id)
                .param("now", Columns.utc(now))
                .update();
    }

    void confirm(UUID id, PatientId patient, AttachmentKind kind, Instant now) {
        jdbc.sql("""
                        UPDATE clinic_attachment SET status = 'CONFIRMED', decided_at = :now, active_key = :key
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("now", Columns.utc(now))
                .param("key", patient.value() + ":" + kind.name())
                .update();
    }

    /** Refuses a request still waiting; false when another decision came first. */
    boolean refuse(UUID id, String reason, Instant now) {
        return jdbc.sql("""
                        UPDATE clinic_attachment SET status = 'REFUSED', decided_at = :now, reason = :reason
                        WHERE id = :id AND status = 'REQUESTED'
                        """)
                        .param("id", id)
                        .param("now", Columns.utc(now))
                        .param("reason", reason)
                        .update()
                == 1;
    }

    /**
     * The patient's one answer to a refusal: the request waits for the clinic again, the refusal it
     * answers kept beside it. False unless the request is refused and was never answered.
     */
    boolean appeal(UUID id, String text, Instant now) {
        return jdbc.sql("""
                        UPDATE clinic_attachment
                        SET status = 'REQUESTED', appeal = :text, appealed_at = :now, appealed_reason = reason,
                            reason = NULL, decided_at = NULL
                        WHERE id = :id AND status = 'REFUSED' AND appealed_at IS NULL
                        """)
                        .param("id", id)
                        .param("text", text)
                        .param("now", Columns.utc(now))
                        .update()
                == 1;
    }

    private static Row row(ResultSet row, int number) throws SQLException {
        return new Row(
                new AttachmentView(
                        Columns.uuid(row, "id"),
                        new PatientId(Columns.uuid(row, "patient_id")),
                        new ClinicId(Columns.uuid(row, "clinic_id")),
                        row.getString("clinic_name"),
                        AttachmentKind.valueOf(row.getString("kind")),
                        AttachmentStatus.valueOf(row.getString("status")),
                        row.getString("reason"),
                        Columns.instant(row, "requested_at"),
                        Columns.instant(row, "decided_at"),
                        Columns.instant(row, "ended_at"),
                        row.getString("appeal"),
                        Columns.instant(row, "appealed_at"),
                        row.getString("appealed_reason")),
                new UserId(Columns.uuid(row, "user_id")));
    }
}
