package org.medkarta.access;

/** Why someone may open a record. */
public enum Relation {
    SELF,
    PARENT,
    GRANTEE,
    CLINICIAN,
    EMERGENCY,
    /** Clinic staff or a platform administrator acting on the record's registry side: imports. */
    STAFF
}
