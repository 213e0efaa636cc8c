package org.medkarta.testing;

import java.util.concurrent.ThreadLocalRandom;

/** Fixture phones: valid Russian mobile numbers no other test uses. */
public final class Phones {

    private Phones() {}

    public static String unique() {
        return "+7916" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }
}
