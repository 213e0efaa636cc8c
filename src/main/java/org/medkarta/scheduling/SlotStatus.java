package org.medkarta.scheduling;

/** Whether a slot can be booked: free, held by an appointment, or closed by hand. */
public enum SlotStatus {
    FREE,
    BOOKED,
    CLOSED
}
