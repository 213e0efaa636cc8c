package org.medkarta.notification;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A gateway for both channels that records what it was given and can be told to fail: lets a
 * test count deliveries per idempotency key and see retries.
 */
class RecordingGateway implements SmsGateway, MailGateway {

    private final List<Envelope> delivered = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    @Override
    public void send(Envelope message) throws IOException {
        attempts.computeIfAbsent(message.idempotencyKey(), key -> new AtomicInteger())
                .incrementAndGet();
        if (failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new IOException("gateway down");
        }
        delivered.add(message);
    }

    void failNext(int times) {
        failuresLeft.set(times);
    }

    void reset() {
        failuresLeft.set(0);
    }

    /** How many times a message with this key was handed over successfully. */
    long deliveries(String key) {
        return delivered.stream()
                .filter(message -> message.idempotencyKey().equals(key))
                .count();
    }

    /** How many times the gateway was called for this key, failed calls included. */
    int attempts(String key) {
        AtomicInteger count = attempts.get(key);
        return count == null ? 0 : count.get();
    }

    List<Envelope> deliveredTo(String recipient) {
        return delivered.stream()
                .filter(message -> message.to().equals(recipient))
                .toList();
    }
}
