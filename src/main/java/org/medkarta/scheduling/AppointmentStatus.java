package org.medkarta.scheduling;

/** An appointment holds its slot while BOOKED; a CANCELLED one has given it back. */
public enum AppointmentStatus {
    BOOKED,
    CANCELLED
}
