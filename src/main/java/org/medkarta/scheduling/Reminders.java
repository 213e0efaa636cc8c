package org.medkarta.scheduling;

import java.time.Instant;
import java.util.UUID;
import org.medkarta.shared.Columns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which reminders went out: a row per appointment, kind and time, inserted once. */
@Repository
class Reminders {

    private final JdbcClient jdbc;

    Reminders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the reminder; false when it was recorded before (by this or another node). */
    boolean mark(UUID appointment, String kind, Instant start, Instant now) {
        return jdbc.sql("""
                        INSERT INTO scheduling_reminder (appointment_id, kind, starts_at, sent_at)
                        VALUES (:appointment, :kind, :start, :now) ON CONFLICT DO NOTHING
                        """)
                        .param("appointment", appointment)
                        .param("kind", kind)
                        .param("start", Columns.utc(start))
                        .param("now", Columns.utc(now))
                        .update()
                == 1;
    }
}
