package org.medkarta.notification;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps every message the dispatcher delivers instead of sending it on, so a developer, a demo or a
 * black-box test can read the one-time code that "went" to a phone. Exists only where {@code
 * medkarta.notification.dev-outbox.enabled} is true (the default profile, never {@code prod}).
 */
@Component
@ConditionalOnBooleanProperty(name = "medkarta.notification.dev-outbox.enabled", matchIfMissing = true)
public class DevOutbox {

    private final JdbcClient jdbc;
    private final NotificationProperties properties;

    DevOutbox(JdbcClient jdbc, NotificationProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Transactional
    void keep(OutboundMessage message) {
        jdbc.sql("""
                        INSERT INTO notification_dev_outbox (id, channel, recipient, subject, body, sent_at)
                        VALUES (:id, :channel, :recipient, :subject, :body, :sentAt)
                        """)
                .param("id", UUID.randomUUID())
                .param("channel", message.channel().name())
                .param("recipient", recipientKey(message.to()))
                .param("subject", message.subject())
                .param("body", message.body())
                .param("sentAt", message.sentAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    /**
     * The newest messages first, to one recipient or, when {@code to} is blank, to anyone. A phone
     * given in a query string as {@code " 7999…"} (an unencoded {@code +}) still finds its messages.
     */
    public List<OutboundMessage> sentTo(String to) {
        boolean anyone = to == null || to.isBlank();
        return jdbc.sql("""
                        SELECT channel, recipient, subject, body, sent_at FROM notification_dev_outbox
                        WHERE :anyone OR recipient = :recipient
                        ORDER BY sent_at DESC, id
                        LIMIT :limit
                        """)
                .param("anyone", anyone)
                .param("recipient", anyone ? "" : recipientKey(queryForm(to)))
                .param("limit", properties.devOutbox().pageSize())
                .query((row, number) -> new OutboundMessage(
                        Channel.valueOf(row.getString("channel")),
                        row.getString("recipient"),
                        row.getString("subject"),
                        row.getString("body"),
                        row.getObject("sent_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /**
     * Whether messages to this recipient are still on their way (queued, not yet delivered), so a
     * reader of the dev outbox knows to look again in a moment.
     */
    public boolean awaitingDelivery(String to) {
        return jdbc.sql("""
                                SELECT count(*) FROM notification_outbox
                                WHERE lower(recipient) = :recipient AND status = 'PENDING'
                                """)
                        .param("recipient", recipientKey(queryForm(to)))
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private static String queryForm(String to) {
        return to.startsWith(" ") && to.strip().matches("\\d+") ? "+" + to.strip() : to;
    }

    private static String recipientKey(String to) {
        return to.strip().toLowerCase(Locale.ROOT);
    }
}
