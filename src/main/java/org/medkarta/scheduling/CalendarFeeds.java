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

    /**
     * The patient's secret, made on first use. Two first requests at once both find none: the
     * insert that loses the race does nothing and both answer the one stored (issue 12, finding 3).
     */
    String secretFor(PatientId patient, Instant now) {
        return secretOf(patient).orElseGet(() -> {
            insertIfAbsent(patient, newSecret(), now);
            return secretOf(patient).orElseThrow();
        });
    }

    /**
     * Replaces the secret in place. Deleting and inserting again let two renewals at once collide on
     * the primary key; an update locks the row, and an insert that finds one stored meanwhile (its
     * transaction having waited for the other's commit) is followed by an update of that row.
     */
    String renew(PatientId patient, Instant now) {
        String secret = newSecret();
        for (int attempt = 0; attempt < 3; attempt++) {
            if (replace(patient, secret, now) == 1 || insertIfAbsent(patient, secret, now) == 1) {
                return secret;
            }
        }
        throw new IllegalStateException("The calendar feed of " + patient + " kept changing under a renewal");
    }

    private int replace(PatientId patient, String secret, Instant now) {
        return jdbc.sql(
                        "UPDATE scheduling_calendar_feed SET secret = :secret, created_at = :now WHERE patient_id = :patient")
                .param("patient", patient.value())
                .param("secret", secret)
                .param("now", Columns.utc(now))
                .update();
    }

    private int insertIfAbsent(PatientId patient, String secret, Instant now) {
        return jdbc.sql("""
                        INSERT INTO scheduling_calendar_feed (patient_id, secret, created_at) VALUES (:patient, :secret, :now)
                        ON CONFLICT DO NOTHING
                        """)
                .param("patient", patient.value())
                .param("secret", secret)
                .param("now", Columns.utc(now))
                .update();
    }

    private static String newSecret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
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
