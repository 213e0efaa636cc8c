package org.medkarta.consultation;

import java.time.Instant;
import java.util.UUID;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.PatientId;

/** The protocol was sent, which closes the consultation (SPEC D7). */
public record ConsultationClosed(UUID consultationId, PatientId patientId, DoctorId doctorId, Instant closedAt) {}
