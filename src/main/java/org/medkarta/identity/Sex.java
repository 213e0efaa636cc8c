package org.medkarta.identity;

/** A patient's sex as documents record it. */
public enum Sex {
    MALE,
    FEMALE
}
