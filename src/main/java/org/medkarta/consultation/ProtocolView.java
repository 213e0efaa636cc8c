package org.medkarta.consultation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.medkarta.shared.UserId;

/** A sent protocol with its diagnoses and the addenda written after it (SPEC D7). */
public record ProtocolView(
        UUID consultationId,
        String anamnesis,
        String recommendations,
        String additionalRecommendations,
        List<Diagnosis> diagnoses,
        Instant sentAt,
        UserId sentBy,
        List<Addendum> addenda) {

    /** Text added to a sent protocol, which itself never changes. */
    public record Addendum(UUID id, String text, Instant writtenAt, UserId writtenBy) {}
}
