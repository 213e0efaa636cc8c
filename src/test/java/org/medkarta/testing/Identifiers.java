package org.medkarta.testing;

import java.util.concurrent.ThreadLocalRandom;

/** Fixture SNILS and OMS policy numbers: valid, and different each time. */
public final class Identifiers {

    private Identifiers() {}

    /** A SNILS with a correct check number. */
    public static String snils() {
        int base = 1_002_000 + ThreadLocalRandom.current().nextInt(900_000_000);
        String digits = String.format("%09d", base);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (9 - i);
        }
        int check = sum < 100 ? sum : sum % 101 == 100 ? 0 : sum % 101;
        return digits + String.format("%02d", check % 100);
    }

    /** A 16-digit OMS policy number. */
    public static String oms() {
        return String.format(
                "%016d", ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L, 9_999_999_999_999_999L));
    }
}
