package org.medkarta.identity;

/** What a person may do on the platform (SPEC A1); staff roles belong to one clinic. */
public enum Role {
    PATIENT,
    DOCTOR,
    CLINIC_ADMIN,
    /** Clinic registry staff: find and book patients, keep their identifiers and policies (issue 12). */
    REGISTRAR,
    /**
     * A doctor of the clinic its administrator appointed head of department (заведующий отделением,
     * issue 19): sees the clinic's dashboards (SPEC J3).
     */
    HEAD_OF_DEPARTMENT,
    PLATFORM_ADMIN,
    SUPPORT;

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
