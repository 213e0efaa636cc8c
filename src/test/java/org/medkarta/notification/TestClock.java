package org.medkarta.notification;

import java.time.Instant;
import org.medkarta.testing.MutableClock;

/**
 * Where the delivery tests stop the clock: far in the future, so that the pollers of the other
 * application contexts in the same run (whose clocks show real time) never find the messages these
 * tests queue due, and cannot deliver them behind their back.
 */
final class TestClock {

    static final Instant START = Instant.parse("2100-01-01T09:00:00Z");

    private TestClock() {}

    static void start(MutableClock clock) {
        clock.freezeAt(START);
    }
}
