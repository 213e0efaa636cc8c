package org.medkarta.shared;

/**
 * SNILS, the individual insurance account number: 11 digits whose last two are a checksum of the
 * first nine (Pension Fund rules: digits weighted 9..1; a sum of 100 or 101 gives 00, above 101
 * the sum modulo 101 is taken again). Numbers up to 001-001-998 carry no checksum.
 */
public record Snils(String digits) {

    public Snils {
        if (digits == null || !digits.matches("\\d{11}") || !checksumHolds(digits)) {
            throw new InvalidInput("snils", "validation.snils.invalid");
        }
    }

    /** Parses {@code 112-233-445 95} or {@code 11223344595}, naming {@code field} when wrong. */
    public static Snils parse(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new InvalidInput(field, "validation.required");
        }
        try {
            return new Snils(text.replaceAll("[\\s-]", ""));
        } catch (InvalidInput invalid) {
            throw new InvalidInput(field, "validation.snils.invalid");
        }
    }

    static boolean checksumHolds(String digits) {
        long number = Long.parseLong(digits.substring(0, 9));
        if (number <= 1_001_998) {
            return true;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (9 - i);
        }
        int check = sum < 100 ? sum : sum == 100 || sum == 101 ? 0 : sum % 101;
        if (check == 100) {
            check = 0;
        }
        return check == Integer.parseInt(digits.substring(9));
    }

    /** The usual written form, {@code 112-233-445 95}. */
    public String formatted() {
        return digits.substring(0, 3) + "-" + digits.substring(3, 6) + "-" + digits.substring(6, 9) + " "
                + digits.substring(9);
    }

    @Override
    public String toString() {
        return digits;
    }
}
