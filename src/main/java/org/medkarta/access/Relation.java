package org.medkarta.access;

/** Why someone may open a record. */
public enum Relation {
    SELF,
    PARENT,
    GRANTEE,
    CLINICIAN,
    EMERGENCY
}
