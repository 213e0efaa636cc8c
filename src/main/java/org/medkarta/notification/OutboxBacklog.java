package org.medkarta.notification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.medkarta.shared.Columns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox as metrics, read from the table on each scrape so that every node reports the same
 * shared backlog: {@code medkarta.outbox.messages} by {@code status} ({@code pending}, {@code
 * failed}) and {@code medkarta.outbox.oldest.pending.age} in seconds, what the alert on a growing
 * backlog watches.
 */
@Component
class OutboxBacklog implements MeterBinder {

    private final JdbcClient jdbc;
    private final Clock clock;

    OutboxBacklog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String status : new String[] {"PENDING", "FAILED"}) {
            Gauge.builder("medkarta.outbox.messages", () -> count(status))
                    .tag("status", status.toLowerCase(java.util.Locale.ROOT))
                    .description("Messages of the notification outbox by status")
                    .register(registry);
        }
        Gauge.builder("medkarta.outbox.oldest.pending.age", this::oldestPendingSeconds)
                .baseUnit("seconds")
                .description("How long the oldest pending message has waited")
                .register(registry);
    }

    private long count(String status) {
        return jdbc.sql("SELECT count(*) FROM notification_outbox WHERE status = :status")
                .param("status", status)
                .query(Long.class)
                .single();
    }

    private double oldestPendingSeconds() {
        Instant oldest = jdbc.sql("SELECT min(created_at) AS oldest FROM notification_outbox WHERE status = 'PENDING'")
                .query((row, number) -> Optional.ofNullable(Columns.instant(row, "oldest")))
                .single()
                .orElse(null);
        return oldest == null ? 0 : Duration.between(oldest, clock.instant()).toSeconds();
    }
}
