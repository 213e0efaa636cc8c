package org.medkarta.access;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.shared.Columns;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Emergency openings and their windows. */
@Component
class Emergencies {

    private final JdbcClient jdbc;

    Emergencies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void open(UserId doctor, PatientId patient, String reason, Instant now, Instant until) {
        jdbc.sql("""
                        INSERT INTO access_emergency (id, user_id, patient_id, reason, opened_at, open_until)
                        VALUES (:id, :user, :patient, :reason, :now, :until)
                        """)
                .param("id", UUID.randomUUID())
                .param("user", doctor.value())
                .param("patient", patient.value())
                .param("reason", reason)
                .param("now", Columns.utc(now))
                .param("until", Columns.utc(until))
                .update();
    }

    /** The reason of the doctor's opening of the record that is open now, the latest one. */
    Optional<String> openReason(UserId doctor, PatientId patient, Instant now) {
        return jdbc.sql("""
                        SELECT reason FROM access_emergency
                        WHERE user_id = :user AND patient_id = :patient AND opened_at <= :now AND open_until > :now
                        ORDER BY opened_at DESC LIMIT 1
                        """)
                .param("user", doctor.value())
                .param("patient", patient.value())
                .param("now", Columns.utc(now))
                .query(String.class)
                .optional();
    }
}
