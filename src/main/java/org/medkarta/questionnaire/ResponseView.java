package org.medkarta.questionnaire;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.PatientId;

/**
 * A patient's answers to one questionnaire version, close to FHIR's QuestionnaireResponse.
 *
 * @param questionnaireId the version answered
 * @param assignmentId what asked for it (a booking, a sending), or null for one open to all
 * @param items the items answered, in the questionnaire's order, with their texts
 * @param answers linkId → the answers as kept (a draft may hold what does not pass yet)
 */
public record ResponseView(
        UUID id,
        UUID questionnaireId,
        UUID seriesId,
        int version,
        String title,
        ClinicId clinicId,
        PatientId patientId,
        UUID assignmentId,
        ResponseStatus status,
        List<Answered> items,
        Map<String, List<String>> answers,
        Instant updatedAt,
        Instant submittedAt) {

    /** One answered item: its question and answers, a unit for a number. */
    public record Answered(String linkId, String text, ItemType type, String unit, List<String> values) {}
}
