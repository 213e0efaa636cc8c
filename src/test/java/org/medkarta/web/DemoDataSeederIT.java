package org.medkarta.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.medkarta.shared.DemoData;
import org.medkarta.terminology.Terminology;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

// No ministry file beside the project, as on a fresh machine: the demo must bring its own copy.
@SpringBootTest(properties = "medkarta.terminology.icd10-directory=target/no-icd10-here")
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

    @Autowired
    List<DemoData> contributions;

    @Autowired
    Terminology terminology;

    @Test
    void theDemoDataImportsTheIcd10DictionaryItCarriesWhenNoMinistryFileIsAtHand() {
        assertThat(terminology.icd10File()).isEmpty();
        var icd10 = contributions.stream()
                .filter(c -> c.name().equals("terminology-icd10"))
                .findFirst()
                .orElseThrow();
        // Another test of the same run may have imported the dictionary already: empty it and let the
        // contribution seed it again, in a transaction that is rolled back afterwards.
        transaction.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM terminology_icd10_word").update();
            jdbc.sql("DELETE FROM terminology_icd10").update();
            assertThat(terminology.icd10Size()).isZero();

            icd10.seed();

            assertThat(terminology.icd10Size()).isEqualTo(15_038);
            assertThat(terminology.searchIcd10("I10", 1))
                    .singleElement()
                    .satisfies(e -> assertThat(e.name()).isEqualTo("Эссенциальная [первичная] гипертензия"));
            assertThat(terminology.lastIcd10Import()).hasValueSatisfying(last -> {
                assertThat(last.version()).isEqualTo("2.27");
                assertThat(last.sha256()).isEqualTo("3b0a2ff314b3a1e1489338ae9e83c15fbdf4f98250f7b886c27edb60ef507509");
            });
            status.setRollbackOnly();
        });
        assertThat(ledgerRows("terminology-icd10")).isEqualTo(1);
    }

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
        var restart = new DemoDataSeeder(List.of(failing), jdbc, transaction, clock, Runnable::run);

        assertThatThrownBy(restart::seedAll).hasMessageContaining("demo failure");
        assertThat(ledgerRows(failing.name())).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM notification_dev_outbox WHERE recipient = :recipient")
                        .param("recipient", recipient)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void whatFollowsReadinessIsSeededInTheBackgroundAfterTheRunnerHasReturnedAndSaysItIsLoadingMeanwhile()
            throws InterruptedException {
        String suffix = UUID.randomUUID().toString();
        var importing = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var states = new CopyOnWriteArrayList<Boolean>();
        DemoData dictionary = new Named("test-follower-" + suffix) {
            @Override
            public boolean followsReadiness() {
                return true;
            }

            @Override
            public void loading(boolean loading) {
                states.add(loading);
            }

            @Override
            public void seed() {
                importing.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        DemoData clinic = new Named("test-before-readiness-" + suffix) {
            @Override
            public void seed() {}
        };
        var background = Executors.newSingleThreadExecutor();
        try {
            var start = new DemoDataSeeder(List.of(dictionary, clinic), jdbc, transaction, clock, background);

            // The runner returns, so the app answers ready, while the follower is still being seeded.
            assertThat(start.seedAll()).containsExactly(clinic.name());
            assertThat(importing.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(states).containsExactly(true);
            assertThat(ledgerRows(dictionary.name())).isZero();

            release.countDown();
            background.shutdown();
            assertThat(background.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            assertThat(states).containsExactly(true, false);
            assertThat(ledgerRows(dictionary.name())).isEqualTo(1);

            // The next start finds it seeded: nothing is said to be loading, nothing runs again.
            var restart = new DemoDataSeeder(List.of(dictionary, clinic), jdbc, transaction, clock, Runnable::run);
            assertThat(restart.seedAll()).isEmpty();
            assertThat(states).containsExactly(true, false);
        } finally {
            release.countDown();
            background.shutdownNow();
        }
    }

    @Test
    void aFollowerThatFailsInTheBackgroundStopsSayingItIsLoadingAndIsTriedAgainNextStart() {
        var states = new CopyOnWriteArrayList<Boolean>();
        DemoData failing = new Named("test-failing-follower-" + UUID.randomUUID()) {
            @Override
            public boolean followsReadiness() {
                return true;
            }

            @Override
            public void loading(boolean loading) {
                states.add(loading);
            }

            @Override
            public void seed() {
                throw new IllegalStateException("demo failure");
            }
        };

        assertThat(new DemoDataSeeder(List.of(failing), jdbc, transaction, clock, Runnable::run).seedAll())
                .isEmpty();
        assertThat(states).containsExactly(true, false);
        assertThat(ledgerRows(failing.name())).isZero();
    }

    @Test
    void theDictionaryFollowsReadinessUnlessTheSettingsSayOtherwise() {
        var icd10 = contributions.stream()
                .filter(c -> c.name().equals("terminology-icd10"))
                .findFirst()
                .orElseThrow();
        assertThat(icd10.followsReadiness()).isTrue();
        assertThat(contributions.stream().filter(DemoData::followsReadiness))
                .as("nothing else may follow readiness: other contributions seed on one another")
                .containsExactly(icd10);
        assertThat(new DemoProperties(true, null).background()).isTrue();
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
