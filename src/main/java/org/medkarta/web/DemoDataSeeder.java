package org.medkarta.web;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.medkarta.shared.DemoData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
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
 *
 * <p>An application runner finishes before the app answers ready, so what it seeds delays the first
 * start. Contributions that {@link DemoData#followsReadiness() follow readiness} are seeded on a
 * background thread instead (issue 18: the ICD-10 import was most of a fresh machine's first start),
 * after the others; a crash or a stop in the middle rolls their transaction back, and the next start
 * seeds them again.
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
    private final Executor background;

    @Autowired
    DemoDataSeeder(
            List<DemoData> contributions,
            JdbcClient jdbc,
            TransactionTemplate transaction,
            Clock clock,
            DemoProperties properties,
            @Qualifier("applicationTaskExecutor") Executor background) {
        this(contributions, jdbc, transaction, clock, properties.background() ? background : Runnable::run);
    }

    /** With the executor that seeds the contributions following readiness ({@code Runnable::run}: at once). */
    DemoDataSeeder(
            List<DemoData> contributions,
            JdbcClient jdbc,
            TransactionTemplate transaction,
            Clock clock,
            Executor background) {
        this.contributions = contributions;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
        this.background = background;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        seedAll();
    }

    /**
     * Seeds what has not been seeded yet and hands the contributions that follow readiness to the
     * background; returns the names seeded now (those handed on are not among them unless the
     * executor ran them at once).
     */
    List<String> seedAll() {
        var seeded = new CopyOnWriteArrayList<String>();
        var later = new ArrayList<DemoData>();
        for (var contribution : contributions) {
            if (contribution.followsReadiness()) {
                if (!seeded(contribution)) {
                    later.add(contribution);
                }
            } else if (seedOnce(contribution)) {
                seeded.add(contribution.name());
            }
        }
        for (var contribution : later) {
            contribution.loading(true);
            background.execute(() -> {
                try {
                    if (seedOnce(contribution)) {
                        seeded.add(contribution.name());
                    }
                } catch (RuntimeException failed) {
                    // Nothing was kept (one transaction); the next start tries again.
                    log.error(
                            "Demo data '{}' failed; it is seeded again on the next start", contribution.name(), failed);
                } finally {
                    contribution.loading(false);
                }
            });
        }
        return List.copyOf(seeded);
    }

    private boolean seeded(DemoData contribution) {
        return jdbc.sql("SELECT count(*) FROM web_demo_data WHERE name = :name")
                        .param("name", contribution.name())
                        .query(Integer.class)
                        .single()
                > 0;
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
