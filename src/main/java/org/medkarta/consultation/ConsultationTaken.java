package org.medkarta.consultation;

import java.time.Instant;
import java.util.UUID;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.PatientId;

/** The doctor took a request into work (SPEC D3). */
public record ConsultationTaken(
        UUID consultationId, PatientId patientId, DoctorId doctorId, Instant start, Instant takenAt) {}
