package org.medkarta.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.medkarta.shared.DemoData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@SpringBootTest
@Import(DemoDataSeederIT.Contributions.class)
class DemoDataSeederIT {

    static final AtomicInteger seeded = new AtomicInteger();

    @Autowired
    DemoDataSeeder seeder;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    Clock clock;

    @Test
    void eachContributionIsSeededOnceAcrossRestarts() {
        // The application runner seeded at start-up; running the seeder again is a restart.
        assertThat(seeded.get()).isEqualTo(1);

        assertThat(seeder.seedAll()).isEmpty();
        assertThat(seeded.get()).isEqualTo(1);
        assertThat(ledgerRows("test-counted")).isEqualTo(1);
    }

    @Test
    void aContributionThatFailsHalfWayLeavesNoTraceAndIsTriedAgainNextStart() {
        String recipient = "half-seeded-" + UUID.randomUUID() + "@demo.test";
        DemoData failing = new Named("test-failing-" + recipient) {
            @Override
            public void seed() {
                jdbc.sql("""
                                INSERT INTO notification_dev_outbox (id, channel, recipient, body, sent_at)
                                VALUES (:id, 'EMAIL', :recipient, 'x', CURRENT_TIMESTAMP)
                                """)
                        .param("id", UUID.randomUUID())
                        .param("recipient", recipient)
                        .update();
                throw new IllegalStateException("demo failure");
            }
        };
        var restart = new DemoDataSeeder(List.of(failing), jdbc, transaction, clock);

        assertThatThrownBy(restart::seedAll).hasMessageContaining("demo failure");
        assertThat(ledgerRows(failing.name())).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM notification_dev_outbox WHERE recipient = :recipient")
                        .param("recipient", recipient)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    private int ledgerRows(String name) {
        return jdbc.sql("SELECT count(*) FROM web_demo_data WHERE name = :name")
                .param("name", name)
                .query(Integer.class)
                .single();
    }

    abstract static class Named implements DemoData {

        private final String name;

        Named(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }
    }

    @TestConfiguration
    static class Contributions {

        @Bean
        DemoData counted() {
            return new Named("test-counted") {
                @Override
                public void seed() {
                    seeded.incrementAndGet();
                }
            };
        }
    }
}
