package org.medkarta.record;

import static org.medkarta.shared.Columns.instant;
import static org.medkarta.shared.Columns.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The uploads table. */
@Repository
class PatientUploads {

    private static final String SELECT = """
            SELECT u.*, p.last_name, p.first_name, p.patronymic FROM record_upload u
            JOIN record_patient p ON p.patient_id = u.patient_id
            """;

    private final JdbcClient jdbc;

    PatientUploads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UploadView upload, UUID fileId, UserId by, String byName) {
        jdbc.sql("""
                        INSERT INTO record_upload (id, patient_id, kind, file_id, file_name, media_type, size_bytes, title,
                                                   vaccine, vaccinated_on, series, state, uploaded_by, uploaded_by_name,
                                                   uploaded_at, entry_id)
                        VALUES (:id, :patient, :kind, :file, :fileName, :mediaType, :size, :title, :vaccine, :on, :series,
                                :state, :by, :byName, :at, :entry)
                        """)
                .param("id", upload.id())
                .param("patient", upload.patientId().value())
                .param("kind", upload.kind().name())
                .param("file", fileId)
                .param("fileName", upload.fileName())
                .param("mediaType", upload.mediaType())
                .param("size", upload.size())
                .param("title", upload.title())
                .param("vaccine", upload.vaccine())
                .param("on", upload.vaccinatedOn())
                .param("series", upload.series())
                .param("state", upload.state().name())
                .param("by", by.value())
                .param("byName", byName)
                .param("at", utc(upload.uploadedAt()))
                .param("entry", upload.entryId())
                .update();
    }

    void linkEntry(UUID upload, UUID entry) {
        jdbc.sql("UPDATE record_upload SET entry_id = :entry WHERE id = :id")
                .param("entry", entry)
                .param("id", upload)
                .update();
    }

    /** Decides a pending upload; false when it was decided already (two doctors at once). */
    boolean decide(UUID upload, UploadState state, UserId by, String byName, String reason, UUID entry, Instant at) {
        return jdbc.sql("""
                                UPDATE record_upload SET state = :state, decided_by = :by, decided_by_name = :name,
                                       decided_at = :at, reason = :reason, entry_id = :entry
                                WHERE id = :id AND state = 'PENDING'
                                """)
                        .param("state", state.name())
                        .param("by", by.value())
                        .param("name", byName)
                        .param("at", utc(at))
                        .param("reason", reason)
                        .param("entry", entry)
                        .param("id", upload)
                        .update()
                == 1;
    }

    List<UploadView> of(PatientId patient) {
        return jdbc.sql(SELECT + " WHERE u.patient_id = :patient ORDER BY u.uploaded_at DESC")
                .param("patient", patient.value())
                .query((rs, n) -> view(rs))
                .list();
    }

    Optional<UploadView> find(PatientId patient, UUID upload) {
        return jdbc.sql(SELECT + " WHERE u.patient_id = :patient AND u.id = :id")
                .param("patient", patient.value())
                .param("id", upload)
                .query((rs, n) -> view(rs))
                .optional();
    }

    /** The uploads of a record among {@code ids}. */
    List<UploadView> byIds(Collection<PatientId> patients, Collection<UUID> ids) {
        if (ids.isEmpty() || patients.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE u.patient_id IN (:patients) AND u.id IN (:ids)")
                .param("patients", patients.stream().map(PatientId::value).toList())
                .param("ids", List.copyOf(ids))
                .query((rs, n) -> view(rs))
                .list();
    }

    Optional<UUID> fileOf(PatientId patient, UUID upload) {
        return jdbc.sql("SELECT file_id FROM record_upload WHERE patient_id = :patient AND id = :id")
                .param("patient", patient.value())
                .param("id", upload)
                .query(UUID.class)
                .optional();
    }

    /** The patients with an upload waiting for verification. */
    List<PatientId> pendingPatients() {
        return jdbc.sql("SELECT DISTINCT patient_id FROM record_upload WHERE state = 'PENDING'")
                .query((rs, n) -> new PatientId(rs.getObject(1, UUID.class)))
                .list();
    }

    List<UploadView> pendingOf(Collection<UUID> patients) {
        if (patients.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE u.state = 'PENDING' AND u.patient_id IN (:patients) ORDER BY u.uploaded_at")
                .param("patients", List.copyOf(patients))
                .query((rs, n) -> view(rs))
                .list();
    }

    private static UploadView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new UploadView(
                rs.getObject("id", UUID.class),
                new PatientId(rs.getObject("patient_id", UUID.class)),
                rs.getString("last_name") + " " + rs.getString("first_name")
                        + (rs.getString("patronymic") == null ? "" : " " + rs.getString("patronymic")),
                UploadKind.valueOf(rs.getString("kind")),
                rs.getString("title"),
                rs.getString("file_name"),
                rs.getString("media_type"),
                rs.getLong("size_bytes"),
                rs.getString("vaccine"),
                rs.getObject("vaccinated_on", LocalDate.class),
                rs.getString("series"),
                UploadState.valueOf(rs.getString("state")),
                instant(rs, "uploaded_at"),
                rs.getString("decided_by_name"),
                instant(rs, "decided_at"),
                rs.getString("reason"),
                rs.getObject("entry_id", UUID.class));
    }
}
