package org.medkarta.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medkarta.MedkartaApplication;
import org.medkarta.testing.MutableClock;
import org.medkarta.testing.Phones;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A node that commits messages and dies before sending them: here, a context that never delivers
 * (no poller, nothing after commit). A node started afterwards must deliver each of them, once.
 */
@SpringBootTest(
        properties = {"medkarta.notification.dispatch.after-commit=none", "medkarta.notification.dispatch.polling=false"
        })
class CrashRecoveryIT {

    @Autowired
    Notifications notifications;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @org.junit.jupiter.api.BeforeEach
    void stopTheClockInTheFuture() {
        TestClock.start(clock);
    }

    @org.junit.jupiter.api.AfterEach
    void backToRealTime() {
        clock.reset();
    }

    @Test
    void messagesCommittedBeforeACrashAreDeliveredExactlyOnceAfterRestart() throws InterruptedException {
        String phone = Phones.unique();
        String email = "crash-" + UUID.randomUUID() + "@example.org";
        notifications.sendSms(phone, "Код входа: 111111", "crash:" + phone);
        notifications.sendEmail(email, "Подтвердите адрес", "Ссылка", "crash:" + email);
        assertThat(keptFor(phone) + keptFor(email)).isZero();

        RestartedNode.clock = clock;
        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(
                        MedkartaApplication.class, RestartedNode.class)
                .initializers(context -> context.getBeanFactory()
                        .registerSingleton("productionClassesOnly", new ProductionClassesOnly()))
                .properties(
                        "server.port=0",
                        "medkarta.notification.dispatch.polling=true",
                        "medkarta.notification.dispatch.poll-interval=100ms")
                .run()) {
            // The new node's poller runs on its own thread: wait for it, with a deadline.
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (keptFor(phone) + keptFor(email) < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            restarted.getBean(Notifications.class).deliverPending();
            notifications.deliverPending();
        }

        assertThat(keptFor(phone)).isEqualTo(1);
        assertThat(keptFor(email)).isEqualTo(1);
        for (String key : List.of("crash:" + phone, "crash:" + email)) {
            Delivery delivery = notifications.delivery(key).orElseThrow();
            assertThat(delivery.status()).isEqualTo(Delivery.Status.SENT);
            assertThat(delivery.attempts()).isEqualTo(1);
        }
    }

    private int keptFor(String recipient) {
        return jdbc.sql("SELECT count(*) FROM notification_dev_outbox WHERE recipient = :recipient")
                .param("recipient", recipient.toLowerCase(java.util.Locale.ROOT))
                .query(Integer.class)
                .single();
    }

    /** Keeps test configurations on the class path out of the restarted node: it is the real app. */
    static class ProductionClassesOnly extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return reader.getResource().getURL().toString().contains("/test-classes/");
        }
    }

    /**
     * The restarted node reads the same (future) time as the test, so the messages are due. Not a
     * {@code @Configuration}: that would replace the application in this test's own context.
     */
    static class RestartedNode {

        static volatile Clock clock;

        @Bean
        @Primary
        Clock restartedClock() {
            return clock;
        }
    }
}
