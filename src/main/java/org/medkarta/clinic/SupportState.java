package org.medkarta.clinic;

/** Where a support request stands in the queue. */
public enum SupportState {
    NEW,
    IN_PROGRESS,
    DONE;
}
