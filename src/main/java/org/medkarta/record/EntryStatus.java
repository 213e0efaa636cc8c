package org.medkarta.record;

/** The state of an entry's current version (FHIR's {@code entered-in-error} included). */
public enum EntryStatus {
    CURRENT,
    AMENDED,
    ENTERED_IN_ERROR
}
