package org.medkarta.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.shared.Columns;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Patients' insurance policies; one kind and number belong to one record. */
@Repository
class Policies {

    private static final String SELECT =
            "SELECT id, patient_id, kind, number, insurer, valid_from, valid_to FROM identity_policy";

    private final JdbcClient jdbc;

    Policies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PolicyView policy, UserId addedBy, Instant now) {
        jdbc.sql("""
                        INSERT INTO identity_policy (id, patient_id, kind, number, insurer, valid_from, valid_to,
                            added_by, added_at)
                        VALUES (:id, :patient, :kind, :number, :insurer, :from, :to, :by, :now)
                        """)
                .param("id", policy.id())
                .param("patient", policy.patientId().value())
                .param("kind", policy.kind().name())
                .param("number", policy.number())
                .param("insurer", policy.insurer())
                .param("from", policy.validFrom())
                .param("to", policy.validTo())
                .param("by", addedBy == null ? null : addedBy.value())
                .param("now", Columns.utc(now))
                .update();
    }

    boolean taken(PolicyKind kind, String number) {
        return jdbc.sql("SELECT COUNT(*) FROM identity_policy WHERE kind = :kind AND number = :number")
                        .param("kind", kind.name())
                        .param("number", number)
                        .query(Long.class)
                        .single()
                > 0;
    }

    Optional<PolicyView> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", id)
                .query(Policies::row)
                .optional();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM identity_policy WHERE id = :id").param("id", id).update();
    }

    List<PolicyView> ofPatients(Collection<UUID> patients) {
        if (patients.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE patient_id IN (:patients) ORDER BY kind DESC, valid_to DESC, number")
                .param("patients", patients)
                .query(Policies::row)
                .list();
    }

    /** The records holding a policy with this number, of either kind. */
    List<UUID> patientsWith(String number) {
        return jdbc.sql("SELECT DISTINCT patient_id FROM identity_policy WHERE number = :number")
                .param("number", number)
                .query(UUID.class)
                .list();
    }

    /** The patient's OMS policy entered last, the one a clinician's correction replaces. */
    Optional<PolicyView> currentOms(UUID patient) {
        return jdbc.sql(SELECT + " WHERE patient_id = :patient AND kind = 'OMS' ORDER BY added_at DESC, id LIMIT 1")
                .param("patient", patient)
                .query(Policies::row)
                .optional();
    }

    void change(UUID id, String number, String insurer, java.time.LocalDate validTo) {
        jdbc.sql("UPDATE identity_policy SET number = :number, insurer = :insurer, valid_to = :to WHERE id = :id")
                .param("number", number)
                .param("insurer", insurer)
                .param("to", validTo)
                .param("id", id)
                .update();
    }

    /** Policies whose kind and number another record holds too (SPEC E7), grouped by number. */
    List<PolicyView> shared() {
        return jdbc.sql(SELECT + " " + """
                         WHERE EXISTS (SELECT 1 FROM identity_policy other
                                       WHERE other.kind = identity_policy.kind AND other.number = identity_policy.number
                                         AND other.patient_id <> identity_policy.patient_id)
                        ORDER BY kind, number, patient_id
                        """).query(Policies::row).list();
    }

    /** Whether another record holds a policy of the patient's kind and number. */
    boolean shares(UUID patient) {
        return jdbc.sql("""
                                SELECT COUNT(*) FROM identity_policy mine JOIN identity_policy other
                                  ON other.kind = mine.kind AND other.number = mine.number
                                 AND other.patient_id <> mine.patient_id
                                WHERE mine.patient_id = :patient
                                """).param("patient", patient).query(Long.class).single() > 0;
    }

    private static PolicyView row(ResultSet row, int number) throws SQLException {
        return new PolicyView(
                Columns.uuid(row, "id"),
                new PatientId(Columns.uuid(row, "patient_id")),
                PolicyKind.valueOf(row.getString("kind")),
                row.getString("number"),
                row.getString("insurer"),
                row.getObject("valid_from", java.time.LocalDate.class),
                row.getObject("valid_to", java.time.LocalDate.class));
    }
}
