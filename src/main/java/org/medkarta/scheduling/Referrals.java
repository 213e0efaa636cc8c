package org.medkarta.scheduling;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.shared.Columns;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.PatientId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Referrals to a specialty or a doctor, used up by one booking (SPEC C4). */
@Repository
class Referrals {

    private static final String SELECT = """
            SELECT id, patient_id, specialty, doctor_id, issued_at, valid_until, used_at, appointment_id
            FROM scheduling_referral
            """;

    private static final String VALID_FOR = """
             patient_id = :patient AND specialty = :specialty AND (doctor_id IS NULL OR doctor_id = :doctor)
            AND used_at IS NULL AND valid_until > :now
            """;

    private final JdbcClient jdbc;

    Referrals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void issue(ReferralView referral, UUID issuedBy) {
        jdbc.sql("""
                        INSERT INTO scheduling_referral (id, patient_id, specialty, doctor_id, issued_by, issued_at,
                               valid_until)
                        VALUES (:id, :patient, :specialty, :doctor, :by, :at, :until)
                        """)
                .param("id", referral.id())
                .param("patient", referral.patientId().value())
                .param("specialty", referral.specialty())
                .param(
                        "doctor",
                        referral.doctorId() == null ? null : referral.doctorId().value())
                .param("by", issuedBy)
                .param("at", Columns.utc(referral.issuedAt()))
                .param("until", Columns.utc(referral.validUntil()))
                .update();
    }

    /** A referral the patient may use now for this specialty and doctor, the one expiring first. */
    Optional<UUID> usable(PatientId patient, String specialty, DoctorId doctor, Instant now) {
        return jdbc.sql("SELECT id FROM scheduling_referral WHERE" + VALID_FOR + " ORDER BY valid_until LIMIT 1")
                .param("patient", patient.value())
                .param("specialty", specialty)
                .param("doctor", doctor.value())
                .param("now", Columns.utc(now))
                .query(UUID.class)
                .optional();
    }

    /** Uses the referral up for an appointment; false when it is not (or no longer) usable. */
    boolean use(UUID referral, PatientId patient, String specialty, DoctorId doctor, UUID appointment, Instant now) {
        return jdbc.sql(
                                "UPDATE scheduling_referral SET used_at = :now, appointment_id = :appointment WHERE id = :id AND"
                                        + VALID_FOR)
                        .param("id", referral)
                        .param("appointment", appointment)
                        .param("patient", patient.value())
                        .param("specialty", specialty)
                        .param("doctor", doctor.value())
                        .param("now", Columns.utc(now))
                        .update()
                == 1;
    }

    /** A cancelled appointment gives its referral back, so that the patient can book again. */
    void giveBack(UUID appointment) {
        jdbc.sql(
                        "UPDATE scheduling_referral SET used_at = NULL, appointment_id = NULL WHERE appointment_id = :appointment")
                .param("appointment", appointment)
                .update();
    }

    List<ReferralView> ofPatient(PatientId patient) {
        return jdbc.sql(SELECT + " WHERE patient_id = :patient ORDER BY issued_at DESC")
                .param("patient", patient.value())
                .query(Referrals::row)
                .list();
    }

    Optional<ReferralView> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", id)
                .query(Referrals::row)
                .optional();
    }

    private static ReferralView row(ResultSet row, int number) throws SQLException {
        UUID doctor = Columns.uuid(row, "doctor_id");
        return new ReferralView(
                Columns.uuid(row, "id"),
                new PatientId(Columns.uuid(row, "patient_id")),
                row.getString("specialty"),
                doctor == null ? null : new DoctorId(doctor),
                Columns.instant(row, "issued_at"),
                Columns.instant(row, "valid_until"),
                Columns.instant(row, "used_at"),
                Columns.uuid(row, "appointment_id"));
    }
}
