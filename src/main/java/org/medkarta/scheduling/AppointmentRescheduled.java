package org.medkarta.scheduling;

import java.time.Instant;
import java.util.UUID;
import org.medkarta.shared.PatientId;

/** An appointment moved to another slot in one step (SPEC C5). */
public record AppointmentRescheduled(
        UUID appointmentId, PatientId patient, Instant previousStart, Instant start, Instant end, Instant movedAt) {}
