package org.medkarta.scheduling;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.shared.Columns;
import org.medkarta.shared.PatientId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Private calendar feeds (SPEC C7): a secret per patient, replaced or removed to revoke the old URL. */
@Repository
class CalendarFeeds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    CalendarFeeds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> secretOf(PatientId patient) {
        return jdbc.sql("SELECT secret FROM scheduling_calendar_feed WHERE patient_id = :patient")
                .param("patient", patient.value())
                .query(String.class)
                .optional();
    }

    String renew(PatientId patient, Instant now) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        revoke(patient);
        jdbc.sql(
                        "INSERT INTO scheduling_calendar_feed (patient_id, secret, created_at) VALUES (:patient, :secret, :now)")
                .param("patient", patient.value())
                .param("secret", secret)
                .param("now", Columns.utc(now))
                .update();
        return secret;
    }

    void revoke(PatientId patient) {
        jdbc.sql("DELETE FROM scheduling_calendar_feed WHERE patient_id = :patient")
                .param("patient", patient.value())
                .update();
    }

    Optional<PatientId> patientOf(String secret) {
        return jdbc.sql("SELECT patient_id FROM scheduling_calendar_feed WHERE secret = :secret")
                .param("secret", secret)
                .query(UUID.class)
                .optional()
                .map(PatientId::new);
    }
}
