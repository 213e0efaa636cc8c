package org.medkarta.access;

/**
 * The identity document a record-access request shows (SPEC E0): the passport of a citizen of the
 * Russian Federation, a child's birth certificate, or another document (a foreign passport, a
 * residence permit), whose series and number are taken as written.
 */
public enum IdentityDocumentType {
    RF_PASSPORT,
    BIRTH_CERTIFICATE,
    OTHER
}
