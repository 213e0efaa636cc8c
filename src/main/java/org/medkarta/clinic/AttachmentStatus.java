package org.medkarta.clinic;

/** Where an attachment request stands. */
public enum AttachmentStatus {
    REQUESTED,
    CONFIRMED,
    REFUSED,
    /** Confirmed once, then replaced by a newer attachment of the same kind. */
    ENDED;
}
