package org.medkarta.access;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.medkarta.shared.Columns;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Parent-child links (legal representatives); the age rule is applied by {@link RecordAccess}, not here. */
@Component
class Guardianships {

    /** How a link was made: by clinic staff, or by the parent with the birth certificate. */
    enum Basis {
        STAFF,
        BIRTH_CERTIFICATE,
        /** A parent's record-access request for the child, approved by the clinic keeping the record (SPEC E0). */
        RECORD_REQUEST
    }

    private final JdbcClient jdbc;

    Guardianships(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Links a parent and a child; false when they are linked already. */
    boolean link(UserId parent, PatientId child, Basis basis, BirthCertificate certificate, UserId by, Instant now) {
        if (linked(parent, child)) {
            return false;
        }
        jdbc.sql("""
                        INSERT INTO access_guardianship (id, parent_user_id, child_patient_id, basis, certificate_series,
                            certificate_number, created_by, created_at)
                        VALUES (:id, :parent, :child, :basis, :series, :number, :by, :now)
                        """)
                .param("id", UUID.randomUUID())
                .param("parent", parent.value())
                .param("child", child.value())
                .param("basis", basis.name())
                .param("series", certificate == null ? null : certificate.series())
                .param("number", certificate == null ? null : certificate.number())
                .param("by", by.value())
                .param("now", Columns.utc(now))
                .update();
        return true;
    }

    boolean linked(UserId parent, PatientId child) {
        return jdbc.sql("""
                        SELECT count(*) FROM access_guardianship
                        WHERE parent_user_id = :parent AND child_patient_id = :child AND ended_at IS NULL
                        """)
                        .param("parent", parent.value())
                        .param("child", child.value())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** The children linked to a parent, of any age. */
    List<PatientId> childrenOf(UserId parent) {
        return jdbc.sql("""
                        SELECT child_patient_id FROM access_guardianship
                        WHERE parent_user_id = :parent AND ended_at IS NULL ORDER BY created_at
                        """)
                .param("parent", parent.value())
                .query((row, n) -> new PatientId(row.getObject(1, UUID.class)))
                .list();
    }

    /** Whether a birth certificate was already used to register a child. */
    boolean certificateUsed(BirthCertificate certificate) {
        return jdbc.sql("""
                        SELECT count(*) FROM access_guardianship
                        WHERE certificate_series = :series AND certificate_number = :number
                        """)
                        .param("series", certificate.series())
                        .param("number", certificate.number())
                        .query(Integer.class)
                        .single()
                > 0;
    }
}
