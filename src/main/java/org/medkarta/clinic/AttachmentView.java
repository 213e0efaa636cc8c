package org.medkarta.clinic;

import java.time.Instant;
import java.util.UUID;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.PatientId;

/**
 * A patient's request to be attached to a clinic and what became of it (SPEC B6): a refusal states
 * its {@code reason}; the patient may answer it once ({@code appeal}, issue 23), which puts the
 * request before the clinic again with the refusal it answers ({@code appealedReason}).
 */
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
        Instant endedAt,
        String appeal,
        Instant appealedAt,
        String appealedReason) {

    /** Whether the patient may still answer this refusal: refused, and never answered. */
    public boolean mayAppeal() {
        return status == AttachmentStatus.REFUSED && appealedAt == null;
    }
}
