package org.medkarta.homevisit;

/** Where a home visit request stands. NEW and ASSIGNED are open; the others are closed for good. */
public enum HomeVisitState {
    /** Asked, waiting in the clinic's queue. */
    NEW,
    /** A doctor and a time window are assigned. */
    ASSIGNED,
    /** The doctor came; the protocol is in the record. */
    VISITED,
    /** The doctor came and found no one at home. */
    NOT_AT_HOME,
    /** Cancelled by the patient's side or by the clinic. */
    CANCELLED;

    public boolean open() {
        return this == NEW || this == ASSIGNED;
    }
}
