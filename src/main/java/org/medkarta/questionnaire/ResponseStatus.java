package org.medkarta.questionnaire;

/** The status of a response, as FHIR's {@code QuestionnaireResponse.status}. */
public enum ResponseStatus {
    /** A draft: saved to come back to, changed freely by the patient. */
    IN_PROGRESS,
    /** Submitted: read-only. */
    COMPLETED;

    /** FHIR's code: in-progress, completed. */
    public String fhirCode() {
        return this == IN_PROGRESS ? "in-progress" : "completed";
    }
}
