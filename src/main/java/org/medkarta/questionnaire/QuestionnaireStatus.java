package org.medkarta.questionnaire;

import java.util.Locale;

/** The status of a questionnaire version, as FHIR's {@code Questionnaire.status}. */
public enum QuestionnaireStatus {
    /** Being written; only the clinic's administrators see it. */
    DRAFT,
    /** The version patients fill now (FHIR {@code active}). */
    PUBLISHED,
    /** An earlier published version; the answers given to it stay readable. */
    RETIRED;

    /** FHIR's code: draft, active, retired. */
    public String fhirCode() {
        return this == PUBLISHED ? "active" : name().toLowerCase(Locale.ROOT);
    }
}
