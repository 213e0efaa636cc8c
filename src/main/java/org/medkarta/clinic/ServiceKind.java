package org.medkarta.clinic;

/** What a service is for (SPEC B4, seed 004). */
public enum ServiceKind {
    /** A first consultation. */
    PRIMARY,
    /** A repeat consultation by an established diagnosis. */
    REPEAT,
    /** Remote monitoring of a chronic patient. */
    MONITORING,
    /** A consultation between doctors. */
    DOCTOR_TO_DOCTOR;
}
