package org.medkarta.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application clock in tests: real time until a test moves it ({@link #advance}) or stops it
 * at a moment ({@link #freezeAt}), back to real time with {@link #reset}. Tests move time instead
 * of sleeping (code expiry, blocks, retries, birthdays). Each application context has its own.
 */
public class MutableClock extends Clock {

    private record State(Instant frozen, Duration offset) {}

    private volatile State state = new State(null, Duration.ZERO);

    public synchronized void advance(Duration by) {
        state = state.frozen() == null
                ? new State(null, state.offset().plus(by))
                : new State(state.frozen().plus(by), Duration.ZERO);
    }

    /** Stops the clock at a moment; {@link #advance} then moves it by exact steps. */
    public synchronized void freezeAt(Instant moment) {
        state = new State(moment, Duration.ZERO);
    }

    public synchronized void reset() {
        state = new State(null, Duration.ZERO);
    }

    @Override
    public Instant instant() {
        var now = state;
        return now.frozen() != null ? now.frozen() : Instant.now().plus(now.offset());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The application clock is UTC");
    }
}
