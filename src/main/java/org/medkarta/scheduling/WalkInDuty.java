package org.medkarta.scheduling;

import org.medkarta.shared.DoctorId;

/** A doctor on duty in a walk-in queue, and the room they receive in. */
public record WalkInDuty(DoctorId doctorId, String doctorName, String room) {}
