package org.medkarta.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.shared.Columns;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The grants table: every grant ever made, revoked ones included. */
@Component
class Grants {

    private final JdbcClient jdbc;

    Grants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(GrantView grant) {
        jdbc.sql("""
                        INSERT INTO access_grant (id, patient_id, granted_by, grantee_name, grantee_phone, grantee_email,
                            level, status, created_at)
                        VALUES (:id, :patient, :grantedBy, :name, :phone, :email, :level, :status, :now)
                        """)
                .param("id", grant.id())
                .param("patient", grant.patientId().value())
                .param("grantedBy", grant.grantedBy().value())
                .param("name", grant.granteeName())
                .param("phone", grant.granteePhone())
                .param("email", grant.granteeEmail())
                .param("level", grant.level().name())
                .param("status", grant.status().name())
                .param("now", Columns.utc(grant.createdAt()))
                .update();
    }

    Optional<GrantView> find(UUID id) {
        return jdbc.sql("SELECT * FROM access_grant WHERE id = :id")
                .param("id", id)
                .query(Grants::row)
                .optional();
    }

    /** The grant, locked until the transaction ends, so two confirmations never cross. */
    Optional<GrantView> lock(UUID id) {
        return jdbc.sql("SELECT * FROM access_grant WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(Grants::row)
                .optional();
    }

    List<GrantView> ofPatient(PatientId patient) {
        return jdbc.sql("SELECT * FROM access_grant WHERE patient_id = :patient ORDER BY created_at DESC")
                .param("patient", patient.value())
                .query(Grants::row)
                .list();
    }

    /** The level of the grantee's grant in force on the record, the highest when there are several. */
    Optional<AccessLevel> activeLevel(UserId grantee, PatientId patient) {
        return jdbc
                .sql("""
                        SELECT level FROM access_grant
                        WHERE grantee_user_id = :grantee AND patient_id = :patient AND status = 'ACTIVE'
                        """)
                .param("grantee", grantee.value())
                .param("patient", patient.value())
                .query((row, n) -> AccessLevel.valueOf(row.getString(1)))
                .list()
                .stream()
                .max(Enum::compareTo);
    }

    /** The grants in force for a grantee. */
    List<GrantView> activeFor(UserId grantee) {
        return jdbc.sql("""
                        SELECT * FROM access_grant WHERE grantee_user_id = :grantee AND status = 'ACTIVE'
                        ORDER BY accepted_at
                        """)
                .param("grantee", grantee.value())
                .query(Grants::row)
                .list();
    }

    /** Invitations waiting for the person reached at this phone or e-mail, and the grants they hold. */
    List<GrantView> addressedTo(UserId user, String phone, String email) {
        return jdbc.sql("""
                        SELECT * FROM access_grant
                        WHERE (status = 'INVITED' AND ((CAST(:phone AS VARCHAR) IS NOT NULL AND grantee_phone = :phone)
                                OR (CAST(:email AS VARCHAR) IS NOT NULL AND grantee_email = :email)))
                           OR (grantee_user_id = :user AND status = 'ACTIVE')
                        ORDER BY created_at DESC
                        """)
                .param("phone", phone)
                .param("email", email)
                .param("user", user.value())
                .query(Grants::row)
                .list();
    }

    void invited(UUID id, Instant now) {
        jdbc.sql("UPDATE access_grant SET status = 'INVITED', invited_at = :now WHERE id = :id")
                .param("now", Columns.utc(now))
                .param("id", id)
                .update();
    }

    void accepted(UUID id, UserId grantee, String termsVersion, Instant now) {
        jdbc.sql("""
                        UPDATE access_grant SET status = 'ACTIVE', grantee_user_id = :grantee, terms_version = :terms,
                            accepted_at = :now WHERE id = :id
                        """)
                .param("grantee", grantee.value())
                .param("terms", termsVersion)
                .param("now", Columns.utc(now))
                .param("id", id)
                .update();
    }

    void level(UUID id, AccessLevel level) {
        jdbc.sql("UPDATE access_grant SET level = :level WHERE id = :id")
                .param("level", level.name())
                .param("id", id)
                .update();
    }

    void revoked(UUID id, UserId by, Instant now) {
        jdbc.sql("UPDATE access_grant SET status = 'REVOKED', revoked_at = :now, revoked_by = :by WHERE id = :id")
                .param("now", Columns.utc(now))
                .param("by", by.value())
                .param("id", id)
                .update();
    }

    private static GrantView row(ResultSet row, int number) throws SQLException {
        UUID grantee = row.getObject("grantee_user_id", UUID.class);
        return new GrantView(
                row.getObject("id", UUID.class),
                new PatientId(row.getObject("patient_id", UUID.class)),
                new UserId(row.getObject("granted_by", UUID.class)),
                row.getString("grantee_name"),
                row.getString("grantee_phone"),
                row.getString("grantee_email"),
                grantee == null ? null : new UserId(grantee),
                AccessLevel.valueOf(row.getString("level")),
                GrantStatus.valueOf(row.getString("status")),
                Columns.instant(row, "created_at"),
                Columns.instant(row, "accepted_at"),
                Columns.instant(row, "revoked_at"));
    }
}
