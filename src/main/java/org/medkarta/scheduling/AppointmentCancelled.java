package org.medkarta.scheduling;

import java.time.Instant;
import java.util.UUID;
import org.medkarta.shared.PatientId;

/** An appointment was cancelled and its slot freed (SPEC C5). */
public record AppointmentCancelled(UUID appointmentId, PatientId patient, boolean byClinic, Instant cancelledAt) {}
