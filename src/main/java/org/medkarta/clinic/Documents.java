package org.medkarta.clinic;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.Columns;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Published versions of the clinics' documents and the patients' acceptances of them. */
@Repository
class Documents {

    private static final String SELECT =
            "SELECT clinic_id, kind, version, body, published_at FROM clinic_document WHERE clinic_id = :clinic AND kind = :kind";

    private final JdbcClient jdbc;

    Documents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Publishes the next version. The clinic's row is locked first, so two administrators publishing
     * at once get consecutive numbers instead of one failing on the primary key.
     */
    int publish(ClinicId clinic, DocumentKind kind, String text, UserId by, Instant now) {
        jdbc.sql("SELECT id FROM clinic WHERE id = :clinic FOR UPDATE")
                .param("clinic", clinic.value())
                .query(java.util.UUID.class)
                .list();
        int next = latest(clinic, kind).map(DocumentVersion::version).orElse(0) + 1;
        jdbc.sql("""
                        INSERT INTO clinic_document (clinic_id, kind, version, body, published_at, published_by)
                        VALUES (:clinic, :kind, :version, :body, :now, :by)
                        """)
                .param("clinic", clinic.value())
                .param("kind", kind.name())
                .param("version", next)
                .param("body", text)
                .param("now", Columns.utc(now))
                .param("by", by.value())
                .update();
        return next;
    }

    Optional<DocumentVersion> latest(ClinicId clinic, DocumentKind kind) {
        return jdbc.sql(SELECT + " ORDER BY version DESC LIMIT 1")
                .param("clinic", clinic.value())
                .param("kind", kind.name())
                .query(Documents::version)
                .optional();
    }

    Optional<DocumentVersion> find(ClinicId clinic, DocumentKind kind, int version) {
        return jdbc.sql(SELECT + " AND version = :version")
                .param("clinic", clinic.value())
                .param("kind", kind.name())
                .param("version", version)
                .query(Documents::version)
                .optional();
    }

    /** Every version, newest first. */
    List<DocumentVersion> versions(ClinicId clinic, DocumentKind kind) {
        return jdbc.sql(SELECT + " ORDER BY version DESC")
                .param("clinic", clinic.value())
                .param("kind", kind.name())
                .query(Documents::version)
                .list();
    }

    void accept(PatientId patient, ClinicId clinic, DocumentKind kind, int version, Instant now, String address) {
        jdbc.sql("""
                        INSERT INTO clinic_acceptance (patient_id, clinic_id, kind, version, accepted_at, address)
                        VALUES (:patient, :clinic, :kind, :version, :now, :address) ON CONFLICT DO NOTHING
                        """)
                .param("patient", patient.value())
                .param("clinic", clinic.value())
                .param("kind", kind.name())
                .param("version", version)
                .param("now", Columns.utc(now))
                .param("address", address)
                .update();
    }

    /**
     * Whether the patient accepted the latest version of every document the clinic published, in
     * one statement (the booking path asks it on every booking; issue 18).
     */
    boolean acceptedAllLatest(PatientId patient, ClinicId clinic) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM clinic_document d
                        WHERE d.clinic_id = :clinic
                        AND d.version = (SELECT MAX(x.version) FROM clinic_document x
                                         WHERE x.clinic_id = d.clinic_id AND x.kind = d.kind)
                        AND NOT EXISTS (SELECT 1 FROM clinic_acceptance a
                                        WHERE a.patient_id = :patient AND a.clinic_id = d.clinic_id
                                        AND a.kind = d.kind AND a.version = d.version)
                        """)
                        .param("patient", patient.value())
                        .param("clinic", clinic.value())
                        .query(Long.class)
                        .single()
                == 0;
    }

    /** A patient's acceptances of one clinic's documents, newest first. */
    List<Acceptance> acceptances(PatientId patient, ClinicId clinic) {
        return jdbc.sql("SELECT kind, version, accepted_at, address FROM clinic_acceptance"
                        + " WHERE patient_id = :patient AND clinic_id = :clinic ORDER BY accepted_at DESC, kind")
                .param("patient", patient.value())
                .param("clinic", clinic.value())
                .query((row, n) -> new Acceptance(
                        DocumentKind.valueOf(row.getString("kind")),
                        row.getInt("version"),
                        Columns.instant(row, "accepted_at"),
                        row.getString("address")))
                .list();
    }

    /** A patient's acceptances of one kind of document at every clinic, newest first. */
    List<PatientAcceptance> acceptances(PatientId patient, DocumentKind kind) {
        return jdbc.sql("""
                        SELECT a.clinic_id, c.name, a.version, a.accepted_at FROM clinic_acceptance a
                        JOIN clinic c ON c.id = a.clinic_id
                        WHERE a.patient_id = :patient AND a.kind = :kind
                        ORDER BY a.accepted_at DESC, a.clinic_id, a.version DESC
                        """)
                .param("patient", patient.value())
                .param("kind", kind.name())
                .query((row, n) -> new PatientAcceptance(
                        patient,
                        new ClinicId(Columns.uuid(row, "clinic_id")),
                        row.getString("name"),
                        kind,
                        row.getInt("version"),
                        Columns.instant(row, "accepted_at")))
                .list();
    }

    private static DocumentVersion version(ResultSet row, int number) throws SQLException {
        return new DocumentVersion(
                new ClinicId(Columns.uuid(row, "clinic_id")),
                DocumentKind.valueOf(row.getString("kind")),
                row.getInt("version"),
                row.getString("body"),
                Columns.instant(row, "published_at"));
    }
}
