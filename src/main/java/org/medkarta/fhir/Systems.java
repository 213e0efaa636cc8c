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

    // --- record: patients, encounters, conditions, procedures, allergies ---

    /** СНИЛС, the insurance number of an individual account (Pension and Social Fund of Russia): OID 1.2.643.100.3. */
    static final String SNILS = "urn:oid:1.2.643.100.3";

    /** The unified OMS policy number (ЕНП) of the Federal OMS Fund; no verified OID names it (ADR 0009). */
    static final String OMS = "https://medkarta.org/fhir/sid/oms-enp";

    /** Medkarta's own ids of patients' records (the Patient id is the same UUID). */
    static final String PATIENT = "https://medkarta.org/fhir/sid/patient";

    /** Medkarta's own ids of record entries (an Encounter's, Condition's, Procedure's... id is the entry's UUID). */
    static final String RECORD_ENTRY = "https://medkarta.org/fhir/sid/record-entry";

    /** МКБ-10, ICD-10 as the Ministry of Health publishes it in its NSI register: OID 1.2.643.5.1.13.13.11.1005. */
    static final String ICD10 = "urn:oid:1.2.643.5.1.13.13.11.1005";

    /**
     * НМУ, the Ministry of Health's nomenclature of medical services (order 804н of 13.10.2017) in its
     * NSI register: OID 1.2.643.5.1.13.13.11.1070. Procedure codes such as {@code A16.20.036}.
     */
    static final String NMU = "urn:oid:1.2.643.5.1.13.13.11.1070";

    /** A procedure's code as the record keeps it when it is no НМУ code (another system's, unnamed). */
    static final String PROCEDURE_CODE = "https://medkarta.org/fhir/CodeSystem/procedure";

    /** An allergy's substance code as the record keeps it (the record names no system for it). */
    static final String ALLERGY_SUBSTANCE = "https://medkarta.org/fhir/CodeSystem/allergy-substance";

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

    /** What an audit entry records (RECORD_VIEW, POLICIES_READ, ...), as the audit trail names it. */
    static final String AUDIT_ACTION = "https://medkarta.org/fhir/CodeSystem/audit-action";

    /** Why someone opened a record (SELF, PARENT, GRANTEE, CLINICIAN, EMERGENCY, STAFF). */
    static final String AUDIT_ROLE = "https://medkarta.org/fhir/CodeSystem/audit-role";

    /** A clinic's document a patient accepted: the informed voluntary consent (ИДС), by version. */
    static final String CLINIC_CONSENT = "https://medkarta.org/fhir/sid/clinic-consent";

    // --- directory and scheduling ---

    /** Medkarta's ids of doctors' profiles, one per clinic (the PractitionerRole and Schedule ids). */
    static final String DOCTOR = "https://medkarta.org/fhir/sid/doctor";

    /** Medkarta's ids of people's accounts, for a doctor as a person (the Practitioner id). */
    static final String PRACTITIONER = "https://medkarta.org/fhir/sid/practitioner";

    /** Medkarta's ids of clinics' services (HealthcareService ids; the code of a service type). */
    static final String SERVICE = "https://medkarta.org/fhir/sid/service";

    /** Medkarta's ids of appointments. */
    static final String APPOINTMENT = "https://medkarta.org/fhir/sid/appointment";

    /** The dictionary of medical specialties, by Medkarta's codes ({@code therapist}). */
    static final String SPECIALTY = "https://medkarta.org/fhir/CodeSystem/specialty";

    /** How a service is given: VIDEO, AUDIO, CHAT, IN_PERSON. */
    static final String SERVICE_FORMAT = "https://medkarta.org/fhir/CodeSystem/service-format";

    /** What a service is for: PRIMARY, REPEAT, MONITORING, DOCTOR_TO_DOCTOR. */
    static final String SERVICE_KIND = "https://medkarta.org/fhir/CodeSystem/service-kind";

    /** Who may see and book a service: REGION, ATTACHED, REFERRAL. */
    static final String SERVICE_VISIBILITY = "https://medkarta.org/fhir/CodeSystem/service-visibility";

    /** Extension: a service's price today, as Money in roubles. */
    static final String SERVICE_PRICE = "https://medkarta.org/fhir/StructureDefinition/service-price";

    /**
     * Extension on an Appointment to create: the patient accepts the clinic's current offer and
     * consent with this booking (valueBoolean), as the booking page's checkbox does.
     */
    static final String ACCEPT_CLINIC_DOCUMENTS =
            "https://medkarta.org/fhir/StructureDefinition/accept-clinic-documents";

    /** HL7's appointment cancellation reasons ({@code pat}, {@code prov}). */
    static final String CANCELLATION_REASON = "http://terminology.hl7.org/CodeSystem/appointment-cancellation-reason";

    // --- results: Observation, DiagnosticReport, DocumentReference ---

    /** LOINC, for laboratory tests that map, vital signs and document types. */
    static final String LOINC = "http://loinc.org";

    /** UCUM units of measure. */
    static final String UCUM = "http://unitsofmeasure.org";

    /** FHIR's Observation categories (laboratory, vital-signs). */
    static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";

    /** HL7 v3 observation interpretation: H, L, N. */
    static final String INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

    /** HL7 v2 table 0074, diagnostic service sections: DiagnosticReport categories. */
    static final String DIAGNOSTIC_SERVICE = "http://terminology.hl7.org/CodeSystem/v2-0074";

    /** Medkarta's own laboratory test codes (the record's {@code testCode}) for tests without a LOINC map. */
    static final String LAB_TEST = "https://medkarta.org/fhir/CodeSystem/lab-test";

    /** Medkarta's diary measures, for a patient's own measures that no LOINC code names. */
    static final String DIARY_MEASURE = "https://medkarta.org/fhir/CodeSystem/diary-measure";

    /** Medkarta's instrumental study modalities (ECG, ULTRASOUND, XRAY...). */
    static final String STUDY_MODALITY = "https://medkarta.org/fhir/CodeSystem/study-modality";

    /** Medkarta's document kinds without a LOINC code: patient uploads. */
    static final String DOCUMENT_KIND = "https://medkarta.org/fhir/CodeSystem/document-kind";

    /** Medkarta's document categories: protocols, discharge summaries, uploads. */
    static final String DOCUMENT_CATEGORY = "https://medkarta.org/fhir/CodeSystem/document-category";
}
