package org.medkarta.web;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.medkarta.shared.DemoData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs each module's {@link DemoData} once per database. A contribution and the line that records
 * it are written in one transaction, so a crash half-way leaves no half-seeded module behind, and
 * the primary key on the name keeps two nodes starting together from seeding twice.
 */
@Component
@Profile("!prod")
@ConditionalOnBooleanProperty("medkarta.demo.enabled")
class DemoDataSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

    private final List<DemoData> contributions;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoDataSeeder(List<DemoData> contributions, JdbcClient jdbc, TransactionTemplate transaction, Clock clock) {
        this.contributions = contributions;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        seedAll();
    }

    /** Seeds what has not been seeded yet; returns the names seeded now. */
    List<String> seedAll() {
        return contributions.stream().filter(this::seedOnce).map(DemoData::name).toList();
    }

    private boolean seedOnce(DemoData contribution) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            int claimed = jdbc.sql("""
                            INSERT INTO web_demo_data (name, seeded_at)
                            SELECT :name, :now WHERE NOT EXISTS (SELECT 1 FROM web_demo_data WHERE name = :name)
                            """)
                    .param("name", contribution.name())
                    .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                    .update();
            if (claimed == 0) {
                return false;
            }
            contribution.seed();
            log.info("Demo data '{}' created", contribution.name());
            return true;
        }));
    }
}
