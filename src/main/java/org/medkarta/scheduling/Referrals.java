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
            SELECT id, patient_id, specialty, doctor_id, issued_at, valid_until, used_at, appointment_id, cancelled_at
            FROM scheduling_referral
            """;

    private static final String ISSUED = """
            SELECT id, patient_id, specialty, doctor_id, issued_by, issued_at, valid_until, used_at, appointment_id,
                   cancelled_at, reason, paper_organisation, paper_number, paper_date, paper_doctor
            FROM scheduling_referral
            """;

    private static final String VALID_FOR = """
             patient_id = :patient AND specialty = :specialty AND (doctor_id IS NULL OR doctor_id = :doctor)
            AND used_at IS NULL AND cancelled_at IS NULL AND valid_until > :now
            """;

    private final JdbcClient jdbc;

    Referrals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void issue(ReferralView referral, UUID issuedBy) {
        issue(referral, issuedBy, null, null);
    }

    /** A referral with the reason it was issued for, or a paper one the registry entered. */
    void issue(ReferralView referral, UUID issuedBy, String reason, PaperReferral paper) {
        jdbc.sql("""
                        INSERT INTO scheduling_referral (id, patient_id, specialty, doctor_id, issued_by, issued_at,
                               valid_until, reason, paper_organisation, paper_number, paper_date, paper_doctor)
                        VALUES (:id, :patient, :specialty, :doctor, :by, :at, :until, :reason, :organisation, :number,
                               :date, :paperDoctor)
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
                .param("reason", reason)
                .param("organisation", paper == null ? null : paper.organisation())
                .param("number", paper == null ? null : paper.number())
                .param("date", paper == null ? null : java.sql.Date.valueOf(paper.issuedOn()))
                .param("paperDoctor", paper == null ? null : paper.doctorName())
                .update();
    }

    /**
     * The referrals one person issued (or entered from paper), newest first, in one state at {@code
     * now} or in any when {@code state} is null; {@code limit} rows from {@code offset}.
     */
    List<Issued> issuedBy(UUID issuer, ReferralState state, Instant now, int offset, int limit) {
        String where = state == null
                ? ""
                : switch (state) {
                    case ISSUED -> " AND cancelled_at IS NULL AND used_at IS NULL AND valid_until > :now";
                    case USED -> " AND cancelled_at IS NULL AND used_at IS NOT NULL";
                    case EXPIRED -> " AND cancelled_at IS NULL AND used_at IS NULL AND valid_until <= :now";
                    case CANCELLED -> " AND cancelled_at IS NOT NULL";
                };
        var sql = jdbc.sql(ISSUED + " WHERE issued_by = :issuer" + where
                        + " ORDER BY issued_at DESC, id LIMIT :limit OFFSET :offset")
                .param("issuer", issuer)
                .param("limit", limit)
                .param("offset", offset);
        if (state != null && state != ReferralState.CANCELLED && state != ReferralState.USED) {
            sql = sql.param("now", Columns.utc(now));
        }
        return sql.query(Referrals::issuedRow).list();
    }

    Optional<Issued> issued(UUID id) {
        return jdbc.sql(ISSUED + " WHERE id = :id")
                .param("id", id)
                .query(Referrals::issuedRow)
                .optional();
    }

    /**
     * Cancels a referral its issuer holds while no booking has used it; false when it is used or
     * already cancelled. One conditional update, so a booking using it at the same moment either
     * finds it cancelled or keeps it used, never both.
     */
    boolean cancel(UUID id, UUID issuer, Instant now) {
        return jdbc.sql("""
                                UPDATE scheduling_referral SET cancelled_at = :now, cancelled_by = :issuer
                                WHERE id = :id AND issued_by = :issuer AND cancelled_at IS NULL AND used_at IS NULL
                                """)
                        .param("id", id)
                        .param("issuer", issuer)
                        .param("now", Columns.utc(now))
                        .update()
                == 1;
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
                Columns.uuid(row, "appointment_id"),
                Columns.instant(row, "cancelled_at"));
    }

    /** A referral as its issuer's list shows it, with who issued it, why, and what paper it came on. */
    record Issued(ReferralView referral, UUID issuedBy, String reason, PaperReferral paper) {}

    private static Issued issuedRow(ResultSet row, int number) throws SQLException {
        java.sql.Date date = row.getDate("paper_date");
        String organisation = row.getString("paper_organisation");
        return new Issued(
                row(row, number),
                Columns.uuid(row, "issued_by"),
                row.getString("reason"),
                organisation == null
                        ? null
                        : new PaperReferral(
                                organisation,
                                row.getString("paper_number"),
                                date == null ? null : date.toLocalDate(),
                                row.getString("paper_doctor")));
    }
}
