package org.medkarta.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that tests move by hand. It starts far in the future, so that the pollers of the other
 * application contexts in the same test run (which read the system clock) never find the messages
 * a test queues due, and cannot deliver them behind its back.
 */
class TestClock extends Clock {

    static final Instant START = Instant.parse("2100-01-01T09:00:00Z");

    private volatile Instant now = START;

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the application clock is UTC");
    }

    @Override
    public Instant instant() {
        return now;
    }

    void move(Duration by) {
        now = now.plus(by);
    }

    void reset() {
        now = START;
    }
}
