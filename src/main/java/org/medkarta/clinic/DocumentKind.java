package org.medkarta.clinic;

/** The documents a patient accepts before their first consultation with a clinic (SPEC B2). */
public enum DocumentKind {
    /** The clinic's public offer (оферта). */
    OFFER,
    /** Informed voluntary consent to medical intervention (ИДС). */
    CONSENT;
}
