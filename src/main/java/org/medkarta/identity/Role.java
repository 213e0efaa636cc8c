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
    /**
     * A paramedic (фельдшер) of a rural post of the clinic (ФАП), invited by its administrator (issue 23):
     * asks a doctor about a patient in front of them (seed 004: «Телемедицинские консультации: врач
     * (фельдшер)-врач») and reads that patient's record while the question is open. Not a doctor: signs no
     * protocol, issues no referral, has no schedule.
     */
    PARAMEDIC,
    PLATFORM_ADMIN,
    SUPPORT;

    /** The Spring Security authority for this role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
