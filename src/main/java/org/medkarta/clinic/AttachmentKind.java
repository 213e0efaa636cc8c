package org.medkarta.clinic;

/** The kinds of care a patient attaches to a clinic for, one active attachment each (SPEC B6, seed 002). */
public enum AttachmentKind {
    GENERAL,
    DENTAL,
    WOMENS;
}
