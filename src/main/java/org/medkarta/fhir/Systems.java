package org.medkarta.fhir;

/**
 * Every identifier and code system URI Medkarta's FHIR resources use, in one place; ADR 0009 gives
 * the source of each.
 */
final class Systems {

    /** The problem names of Medkarta's refusals, as in the REST API's ProblemDetail {@code type}. */
    static final String PROBLEM = "https://medkarta.org/problems";

    /** Medkarta's own ids of clinics (the Organization id is the same UUID). */
    static final String CLINIC = "https://medkarta.org/fhir/sid/clinic";

    private Systems() {}
}
