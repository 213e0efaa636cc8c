package org.medkarta.testing;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fixture phones: valid Russian mobile numbers no other test in this JVM uses. A random draw from
 * ten million collided once a run's database held a couple of thousand patients (a hundred
 * parallel bookings then met {@code phone-taken}); numbers now come from one counter per JVM that
 * starts at a random point, so two calls never give the same number.
 */
public final class Phones {

    private static final int RANGE = 10_000_000;
    private static final AtomicInteger NEXT =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(RANGE));

    private Phones() {}

    public static String unique() {
        return "+7916" + String.format("%07d", Math.floorMod(NEXT.getAndIncrement(), RANGE));
    }
}
