package org.medkarta.clinic;

/**
 * Checksums of a Russian organisation's registration numbers, so that a typo is caught on the form
 * instead of in a tax office.
 */
final class LegalNumbers {

    private static final int[] INN_WEIGHTS = {2, 4, 10, 3, 5, 9, 4, 6, 8};

    private LegalNumbers() {}

    /** INN of an organisation: 10 digits, the last one the FNS checksum of the first nine. */
    static boolean innValid(String inn) {
        if (inn == null || !inn.matches("\\d{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < INN_WEIGHTS.length; i++) {
            sum += (inn.charAt(i) - '0') * INN_WEIGHTS[i];
        }
        return sum % 11 % 10 == inn.charAt(9) - '0';
    }

    /** OGRN: 13 digits, the last one the first twelve (as a number) modulo 11, then modulo 10. */
    static boolean ogrnValid(String ogrn) {
        if (ogrn == null || !ogrn.matches("\\d{13}")) {
            return false;
        }
        return Long.parseLong(ogrn.substring(0, 12)) % 11 % 10 == ogrn.charAt(12) - '0';
    }
}
