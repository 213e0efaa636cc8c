package org.medkarta.record;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.medkarta.shared.PatientId;

/** An upload as its patient, or a verifying doctor, sees it. */
public record UploadView(
        UUID id,
        PatientId patientId,
        String patientName,
        UploadKind kind,
        String title,
        String fileName,
        String mediaType,
        long size,
        String vaccine,
        LocalDate vaccinatedOn,
        String series,
        UploadState state,
        Instant uploadedAt,
        String decidedBy,
        Instant decidedAt,
        String reason,
        UUID entryId) {}
