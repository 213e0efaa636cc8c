package org.medkarta.record;

/**
 * An identity document as typed (SPEC E1): its type ({@code RF_PASSPORT}, {@code BIRTH_CERTIFICATE}
 * or {@code OTHER}), series, number, the day of issue ({@code YYYY-MM-DD}) and the issuer.
 */
public record IdentityDocumentForm(String type, String series, String number, String issuedOn, String issuer) {

    /** Whether no field is filled: a form that leaves the document as it is. */
    public boolean isBlank() {
        return blank(type) && blank(series) && blank(number) && blank(issuedOn) && blank(issuer);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
