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

    // --- record: patients, encounters, conditions ---

    /** СНИЛС, the insurance number of an individual account (Pension and Social Fund of Russia): OID 1.2.643.100.3. */
    static final String SNILS = "urn:oid:1.2.643.100.3";

    /** The unified OMS policy number (ЕНП) of the Federal OMS Fund: OID 1.2.643.5.1.13.2.1.1.725. */
    static final String OMS = "urn:oid:1.2.643.5.1.13.2.1.1.725";

    /** Medkarta's own ids of patients' records (the Patient id is the same UUID). */
    static final String PATIENT = "https://medkarta.org/fhir/sid/patient";

    /** Medkarta's own ids of record entries (an Encounter's or Condition's id is the entry's UUID). */
    static final String RECORD_ENTRY = "https://medkarta.org/fhir/sid/record-entry";

    /** МКБ-10, ICD-10 as the Ministry of Health publishes it in its NSI register: OID 1.2.643.5.1.13.13.11.1005. */
    static final String ICD10 = "urn:oid:1.2.643.5.1.13.13.11.1005";
}
