package org.medkarta.access;

/**
 * Where a record-access request stands (SPEC E0): submitted → in work → approved or refused. An
 * exact match at a clinic that approves them automatically goes from submitted to approved at once.
 */
public enum RecordRequestState {
    SUBMITTED,
    IN_WORK,
    APPROVED,
    REFUSED;

    /** Whether the request still waits for the clinic's decision. */
    public boolean open() {
        return this == SUBMITTED || this == IN_WORK;
    }
}
