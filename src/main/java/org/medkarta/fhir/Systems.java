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

    // --- care: MedicationRequest, Immunization, Coverage, Consent, ServiceRequest, AuditEvent ---

    /** A voluntary (DMS) policy number: each insurer numbers its own, so Medkarta names the system. */
    static final String DMS_POLICY = "https://medkarta.org/fhir/sid/dms-policy";

    /** The number of an electronic prescription as the record keeps it. */
    static final String E_PRESCRIPTION = "https://medkarta.org/fhir/sid/e-prescription";

    /** Medkarta's ids of insurance policies. */
    static final String POLICY = "https://medkarta.org/fhir/sid/policy";

    /** Medkarta's ids of accounts (a person who signs in, whatever their role). */
    static final String ACCOUNT = "https://medkarta.org/fhir/sid/account";

    /** Medkarta's ids of access grants. */
    static final String ACCESS_GRANT = "https://medkarta.org/fhir/sid/access-grant";

    /** The levels of a grant of access (VIEW, VIEW_DOWNLOAD, FULL). */
    static final String ACCESS_LEVEL = "https://medkarta.org/fhir/CodeSystem/access-level";

    /** Medkarta's ids of referrals. */
    static final String REFERRAL = "https://medkarta.org/fhir/sid/referral";

    /** Medkarta's specialty codes (therapist, cardiologist, ...), as the clinic module lists them. */
    static final String CARE_SPECIALTY = "https://medkarta.org/fhir/CodeSystem/specialty";

    /** What an audit entry records (RECORD_VIEW, POLICIES_READ, ...), as the audit trail names it. */
    static final String AUDIT_ACTION = "https://medkarta.org/fhir/CodeSystem/audit-action";

    /** Why someone opened a record (SELF, PARENT, GRANTEE, CLINICIAN, EMERGENCY, STAFF). */
    static final String AUDIT_ROLE = "https://medkarta.org/fhir/CodeSystem/audit-role";

    /** A clinic's document a patient accepted: the informed voluntary consent (ИДС), by version. */
    static final String CLINIC_CONSENT = "https://medkarta.org/fhir/sid/clinic-consent";
}
