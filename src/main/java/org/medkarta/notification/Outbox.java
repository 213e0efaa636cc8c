package org.medkarta.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notification_outbox} table: messages waiting for, or done with, delivery. */
@Repository
class Outbox {

    private static final String ENVELOPE = "id, idempotency_key, channel, recipient, subject, body, attempts";

    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Queues a message in the current transaction. A second message with the same idempotency key
     * is ignored ({@code ON CONFLICT DO NOTHING}, which both engines accept): a failed unique insert
     * would abort the caller's whole PostgreSQL transaction.
     *
     * @return the new message's id, empty when the key was already queued
     */
    Optional<UUID> put(Channel channel, String to, String subject, String body, String key, Instant now) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                        INSERT INTO notification_outbox (id, idempotency_key, channel, recipient, subject, body,
                            status, attempts, created_at, next_attempt_at)
                        VALUES (:id, :key, :channel, :recipient, :subject, :body, 'PENDING', 0, :now, :now)
                        ON CONFLICT DO NOTHING
                        """)
                .param("id", id)
                .param("key", key)
                .param("channel", channel.name())
                .param("recipient", to)
                .param("subject", subject)
                .param("body", body)
                .param("now", utc(now))
                .update();
        return inserted == 1 ? Optional.of(id) : Optional.empty();
    }

    /**
     * Locks the oldest due message for the current transaction. {@code SKIP LOCKED} lets another
     * dispatcher (thread or node) take the next one instead of waiting, and the lock held until
     * commit is what keeps two dispatchers from ever delivering the same message.
     */
    Optional<Envelope> claimDue(Instant now) {
        return jdbc.sql("SELECT " + ENVELOPE + """
                         FROM notification_outbox
                        WHERE status = 'PENDING' AND next_attempt_at <= :now
                        ORDER BY next_attempt_at
                        LIMIT 1
                        FOR UPDATE SKIP LOCKED
                        """)
                .param("now", utc(now))
                .query(Outbox::envelope)
                .optional();
    }

    /**
     * Locks one message, if it is still pending, whenever it is due. It waits for a lock another
     * dispatcher holds and then sees that message as sent, so a caller delivering its own message
     * right after commit returns only once someone has delivered it.
     */
    Optional<Envelope> claim(UUID id) {
        return jdbc.sql("SELECT " + ENVELOPE + """
                         FROM notification_outbox
                        WHERE id = :id AND status = 'PENDING'
                        FOR UPDATE
                        """)
                .param("id", id)
                .query(Outbox::envelope)
                .optional();
    }

    void sent(UUID id, Instant at) {
        jdbc.sql(
                        "UPDATE notification_outbox SET status = 'SENT', sent_at = :at, attempts = attempts + 1 WHERE id = :id")
                .param("id", id)
                .param("at", utc(at))
                .update();
    }

    /** Records a failed attempt; the message is tried again at {@code next}. */
    void failed(UUID id, String error, Instant next) {
        jdbc.sql("""
                        UPDATE notification_outbox
                        SET attempts = attempts + 1, last_error = :error, next_attempt_at = :next
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("error", truncate(error))
                .param("next", utc(next))
                .update();
    }

    /** Records the last failed attempt: the message is given up, and stays visible as FAILED. */
    void givenUp(UUID id, String error) {
        jdbc.sql("""
                        UPDATE notification_outbox
                        SET status = 'FAILED', attempts = attempts + 1, last_error = :error
                        WHERE id = :id
                        """).param("id", id).param("error", truncate(error)).update();
    }

    /** Puts a message back without counting an attempt: no gateway was there to try. */
    void postpone(UUID id, String reason, Instant next) {
        jdbc.sql("UPDATE notification_outbox SET last_error = :error, next_attempt_at = :next WHERE id = :id")
                .param("id", id)
                .param("error", truncate(reason))
                .param("next", utc(next))
                .update();
    }

    Optional<Delivery> delivery(String key) {
        return jdbc.sql("""
                        SELECT channel, recipient, status, attempts, last_error, next_attempt_at, sent_at
                        FROM notification_outbox WHERE idempotency_key = :key
                        """)
                .param("key", key)
                .query((row, number) -> new Delivery(
                        Channel.valueOf(row.getString("channel")),
                        row.getString("recipient"),
                        Delivery.Status.valueOf(row.getString("status")),
                        row.getInt("attempts"),
                        row.getString("last_error"),
                        instant(row, "next_attempt_at"),
                        instant(row, "sent_at")))
                .optional();
    }

    private static Envelope envelope(ResultSet row, int number) throws SQLException {
        return new Envelope(
                row.getObject("id", UUID.class),
                row.getString("idempotency_key"),
                Channel.valueOf(row.getString("channel")),
                row.getString("recipient"),
                row.getString("subject"),
                row.getString("body"),
                row.getInt("attempts"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String truncate(String error) {
        String text = error == null ? "unknown error" : error;
        return text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}
