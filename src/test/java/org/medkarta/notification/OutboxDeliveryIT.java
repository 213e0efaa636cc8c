package org.medkarta.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medkarta.testing.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox rules of SPEC H3, with a gateway that records and can fail. Nothing delivers here but
 * the test itself (no poller, no delivery after commit), so every step is under its control.
 */
@DeliveredByTheTest
class OutboxDeliveryIT {

    @Autowired
    Notifications notifications;

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    RecordingGateway gateway;

    @Autowired
    MutableClock clock;

    @Autowired
    TransactionTemplate transaction;

    @BeforeEach
    void startAtTheSameTime() {
        TestClock.start(clock);
    }

    @AfterEach
    void repairTheGateway() {
        gateway.reset();
    }

    @Test
    void messageIsWrittenInTheCallersTransactionAndNothingIsSentOnRollback() {
        String kept = key();
        String rolledBack = key();

        transaction.executeWithoutResult(status -> {
            notifications.sendSms("+79990000101", "kept", kept);
            notifications.sendEmail("rolled-back@example.org", "Тема", "rolled back", rolledBack);
            assertThat(notifications.delivery(rolledBack)).isPresent();
            status.setRollbackOnly();
        });
        transaction.executeWithoutResult(status -> notifications.sendSms("+79990000101", "kept", kept));
        notifications.deliverPending();

        assertThat(notifications.delivery(rolledBack)).isEmpty();
        assertThat(gateway.attempts(rolledBack)).isZero();
        assertThat(gateway.deliveries(kept)).isEqualTo(1);
        assertThat(notifications.delivery(kept).orElseThrow().status()).isEqualTo(Delivery.Status.SENT);
    }

    @Test
    void messageIsNotDeliveredBeforeTheCallerCommits() {
        String key = key();

        transaction.executeWithoutResult(status -> {
            notifications.sendSms("+79990000102", "not yet", key);
            assertThat(dispatcher.deliverDue()).isZero();
        });

        assertThat(gateway.attempts(key)).isZero();
        notifications.deliverPending();
        assertThat(gateway.deliveries(key)).isEqualTo(1);
    }

    @Test
    void aSecondMessageWithTheSameIdempotencyKeyIsIgnored() {
        String key = key();

        notifications.sendSms("+79990000103", "first", key);
        notifications.sendSms("+79990000103", "second", key);
        transaction.executeWithoutResult(status -> {
            notifications.sendSms("+79990000103", "third", key);
            notifications.sendSms("+79990000103", "fourth", key);
        });
        notifications.deliverPending();

        assertThat(gateway.deliveries(key)).isEqualTo(1);
        assertThat(gateway.deliveredTo("+79990000103"))
                .extracting(Envelope::body)
                .containsExactly("first");
    }

    @Test
    void aFailedAttemptIsRetriedAfterADoublingDelayUntilTheMessageIsGivenUpAndStaysVisible() {
        String key = key();
        gateway.failNext(10);
        notifications.sendEmail("retry@example.org", "Напоминание", "Приём завтра", key);

        notifications.deliverPending();
        Delivery first = notifications.delivery(key).orElseThrow();
        assertThat(first.status()).isEqualTo(Delivery.Status.PENDING);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.lastError()).contains("gateway down");
        assertThat(first.nextAttemptAt()).isEqualTo(TestClock.START.plusSeconds(30));

        clock.advance(Duration.ofSeconds(29));
        notifications.deliverPending();
        assertThat(gateway.attempts(key)).isEqualTo(1);

        clock.advance(Duration.ofSeconds(1));
        notifications.deliverPending();
        Delivery second = notifications.delivery(key).orElseThrow();
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(60));

        clock.advance(Duration.ofSeconds(60));
        notifications.deliverPending();
        Delivery last = notifications.delivery(key).orElseThrow();
        assertThat(last.status()).isEqualTo(Delivery.Status.FAILED);
        assertThat(last.attempts()).isEqualTo(3);
        assertThat(last.lastError()).contains("gateway down");

        clock.advance(Duration.ofDays(1));
        notifications.deliverPending();
        assertThat(gateway.attempts(key)).isEqualTo(3);
        assertThat(notifications.delivery(key).orElseThrow().status()).isEqualTo(Delivery.Status.FAILED);
    }

    @Test
    void aRetryAfterAFailureDeliversTheMessageOnce() {
        String key = key();
        gateway.failNext(1);
        notifications.sendSms("+79990000104", "retried", key);

        notifications.deliverPending();
        clock.advance(Duration.ofSeconds(30));
        notifications.deliverPending();
        clock.advance(Duration.ofHours(1));
        notifications.deliverPending();

        Delivery delivery = notifications.delivery(key).orElseThrow();
        assertThat(delivery.status()).isEqualTo(Delivery.Status.SENT);
        assertThat(delivery.attempts()).isEqualTo(2);
        assertThat(delivery.sentAt()).isEqualTo(TestClock.START.plusSeconds(30));
        assertThat(gateway.deliveries(key)).isEqualTo(1);
    }

    @Test
    void concurrentDispatchersNeverDeliverAMessageTwice() throws Exception {
        String batch = key();
        List<String> keys = new ArrayList<>();
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < 60; i++) {
                keys.add(batch + ":" + i);
                notifications.sendSms("+7999100" + String.format("%04d", i), "message " + i, keys.get(i));
            }
        });

        var start = new CountDownLatch(1);
        Callable<Integer> dispatcherOnAnotherNode = () -> {
            start.await();
            return notifications.deliverPending();
        };
        var pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(dispatcherOnAnotherNode));
            }
            start.countDown();
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(keys).allSatisfy(key -> {
            assertThat(gateway.attempts(key)).as(key).isEqualTo(1);
            assertThat(notifications.delivery(key).orElseThrow().status()).isEqualTo(Delivery.Status.SENT);
        });
    }

    private static String key() {
        return "test:" + UUID.randomUUID();
    }
}
