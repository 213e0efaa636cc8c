package org.medkarta.consultation;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.medkarta.shared.Columns;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.PatientId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a consultation adds to a referral: the presumed diagnosis, the reason, who issued it and
 * whether it has an end. The usable referral itself (the id is the same) is scheduling's.
 */
@Repository
class RoutedReferrals {

    private final JdbcClient jdbc;

    RoutedReferrals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ReferralView referral, UUID issuedBy) {
        jdbc.sql("""
                        INSERT INTO consultation_referral (id, consultation_id, patient_id, specialty, doctor_id,
                               doctor_name, valid_until, presumed_code, presumed_name, reason, issued_at, issued_by,
                               issued_by_name)
                        VALUES (:id, :consultation, :patient, :specialty, :doctor, :doctorName, :until, :code, :name,
                               :reason, :at, :by, :byName)
                        """)
                .param("id", referral.id())
                .param("consultation", referral.consultationId())
                .param("patient", referral.patientId().value())
                .param("specialty", referral.specialty())
                .param(
                        "doctor",
                        referral.doctorId() == null ? null : referral.doctorId().value())
                .param("doctorName", referral.doctorName())
                .param("until", referral.validUntil() == null ? null : Date.valueOf(referral.validUntil()))
                .param(
                        "code",
                        referral.presumedDiagnosis() == null
                                ? null
                                : referral.presumedDiagnosis().code())
                .param(
                        "name",
                        referral.presumedDiagnosis() == null
                                ? null
                                : referral.presumedDiagnosis().name())
                .param("reason", referral.reason())
                .param("at", Columns.utc(referral.issuedAt()))
                .param("by", issuedBy)
                .param("byName", referral.issuedByName())
                .update();
    }

    List<ReferralView> ofPatient(PatientId patient) {
        return jdbc.sql(SELECT + " WHERE patient_id = :patient ORDER BY issued_at DESC")
                .param("patient", patient.value())
                .query(RoutedReferrals::row)
                .list();
    }

    List<ReferralView> ofConsultation(UUID consultation) {
        return jdbc.sql(SELECT + " WHERE consultation_id = :id ORDER BY issued_at DESC")
                .param("id", consultation)
                .query(RoutedReferrals::row)
                .list();
    }

    private static final String SELECT = """
            SELECT id, consultation_id, patient_id, specialty, doctor_id, doctor_name, valid_until, presumed_code,
                   presumed_name, reason, issued_at, issued_by_name FROM consultation_referral
            """;

    private static ReferralView row(ResultSet row, int number) throws SQLException {
        UUID doctor = Columns.uuid(row, "doctor_id");
        Date until = row.getDate("valid_until");
        String code = row.getString("presumed_code");
        return new ReferralView(
                Columns.uuid(row, "id"),
                Columns.uuid(row, "consultation_id"),
                new PatientId(Columns.uuid(row, "patient_id")),
                row.getString("specialty"),
                doctor == null ? null : new DoctorId(doctor),
                row.getString("doctor_name"),
                until == null ? null : until.toLocalDate(),
                code == null ? null : new Diagnosis(code, row.getString("presumed_name")),
                row.getString("reason"),
                Columns.instant(row, "issued_at"),
                row.getString("issued_by_name"),
                (Instant) null);
    }
}
