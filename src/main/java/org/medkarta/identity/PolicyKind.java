package org.medkarta.identity;

/** The kind of a health insurance policy (seed 001: "сведения о полисе ОМС и ДМС"). */
public enum PolicyKind {
    /** Compulsory (обязательное) insurance: the 16-digit unified policy number. */
    OMS,
    /** Voluntary (добровольное) insurance: the insurer's own numbering. */
    DMS
}
