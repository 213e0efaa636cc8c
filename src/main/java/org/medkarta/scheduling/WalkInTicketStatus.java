package org.medkarta.scheduling;

/** Where a walk-in ticket stands (SPEC C9): waiting in line, called to a doctor, served, or not come. */
public enum WalkInTicketStatus {
    WAITING,
    CALLED,
    SERVED,
    NO_SHOW
}
