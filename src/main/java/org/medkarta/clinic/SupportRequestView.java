package org.medkarta.clinic;

import java.time.Instant;
import java.util.UUID;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.UserId;

/** A support request in the queue. */
public record SupportRequestView(
        UUID id,
        SupportKind kind,
        ClinicId clinicId,
        UserId userId,
        String name,
        String email,
        String phone,
        String topic,
        String text,
        String preferredTime,
        SupportState state,
        String reply,
        Instant createdAt,
        Instant updatedAt) {}
