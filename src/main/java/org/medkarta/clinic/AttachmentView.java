package org.medkarta.clinic;

import java.time.Instant;
import java.util.UUID;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.PatientId;

/** A patient's request to be attached to a clinic and what became of it (SPEC B6). */
public record AttachmentView(
        UUID id,
        PatientId patientId,
        ClinicId clinicId,
        String clinicName,
        AttachmentKind kind,
        AttachmentStatus status,
        String reason,
        Instant requestedAt,
        Instant decidedAt,
        Instant endedAt) {}
