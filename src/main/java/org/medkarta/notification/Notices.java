package org.medkarta.notification;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.medkarta.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notification_notice} table: each user's in-app notices. */
@Repository
class Notices {

    private static final int PAGE = 100;

    private final JdbcClient jdbc;

    Notices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a notice; a second one with the same key is ignored, as in the outbox. */
    void add(UserId user, String title, String body, String link, String key, Instant now) {
        jdbc.sql("""
                        INSERT INTO notification_notice (id, idempotency_key, user_id, title, body, link, created_at)
                        VALUES (:id, :key, :user, :title, :body, :link, :now)
                        ON CONFLICT DO NOTHING
                        """)
                .param("id", UUID.randomUUID())
                .param("key", key)
                .param("user", user.value())
                .param("title", title)
                .param("body", body)
                .param("link", link)
                .param("now", utc(now))
                .update();
    }

    List<Notice> of(UserId user) {
        return jdbc.sql("""
                        SELECT id, title, body, link, created_at, read_at FROM notification_notice
                        WHERE user_id = :user
                        ORDER BY created_at DESC, id
                        LIMIT :limit
                        """)
                .param("user", user.value())
                .param("limit", PAGE)
                .query((row, number) -> {
                    OffsetDateTime readAt = row.getObject("read_at", OffsetDateTime.class);
                    return new Notice(
                            row.getObject("id", UUID.class),
                            row.getString("title"),
                            row.getString("body"),
                            row.getString("link"),
                            row.getObject("created_at", OffsetDateTime.class).toInstant(),
                            readAt == null ? null : readAt.toInstant());
                })
                .list();
    }

    int unread(UserId user) {
        return jdbc.sql("SELECT count(*) FROM notification_notice WHERE user_id = :user AND read_at IS NULL")
                .param("user", user.value())
                .query(Integer.class)
                .single();
    }

    boolean exists(UserId user, UUID notice) {
        return jdbc.sql("SELECT count(*) FROM notification_notice WHERE id = :id AND user_id = :user")
                        .param("id", notice)
                        .param("user", user.value())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Marks the user's unread notices read: one by id, or all when {@code notice} is null. */
    int markRead(UserId user, UUID notice, Instant now) {
        return jdbc.sql("""
                        UPDATE notification_notice SET read_at = :now
                        WHERE user_id = :user AND read_at IS NULL AND (:all OR id = :id)
                        """)
                .param("user", user.value())
                .param("all", notice == null)
                .param("id", notice == null ? new UUID(0, 0) : notice)
                .param("now", utc(now))
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
