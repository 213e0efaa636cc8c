package org.medkarta.access;

/** What someone wants to do with a patient's medical record. */
public enum RecordAction {
    /** Read the record, its entries, diaries and access log. */
    VIEW,
    /** Download files and extracts of the record. */
    DOWNLOAD,
    /** Add to the record as the patient or for them: uploads, diary readings, contact data. */
    CONTRIBUTE,
    /** Enter or correct clinical data: clinicians only. */
    WRITE,
    /** Book appointments and take part in consultations on the patient's behalf. */
    ACT_FOR,
    /**
     * Import resources from another system into the record (SPEC I3): staff of a clinic caring for
     * the patient, or a platform administrator. A patient imports their own file as CONTRIBUTE.
     */
    IMPORT,
    /** Grant, change and revoke other people's access: the patient or their legal representative. */
    MANAGE_ACCESS
}
