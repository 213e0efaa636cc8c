package org.medkarta.access;

/** Why someone may open a record. */
public enum Relation {
    SELF,
    PARENT,
    GRANTEE,
    CLINICIAN,
    EMERGENCY,
    /** Clinic staff or a platform administrator acting on the record's registry side: imports. */
    STAFF,
    /**
     * A clinic's administrator exporting, for the clinic, the records of the patients it cares for
     * (FHIR Bulk Data export, issue 15): reads and downloads what a clinician would, writes nothing.
     */
    CLINIC
}
