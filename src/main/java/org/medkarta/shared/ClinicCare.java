package org.medkarta.shared;

/**
 * Whether a member of a clinic's staff may see and change a patient's identifiers (name, birth date,
 * phone, SNILS, policies) outside the medical record (SPEC F4, C6; issue 12): only when the patient
 * is attached to, booked with, referred to or being registered by a clinic they work at.
 *
 * <p>A port: the access module decides it from clinics, appointments and referrals, and the identity
 * module, which keeps the identifiers, asks it without depending on access.
 */
public interface ClinicCare {

    /** Whether {@code staff} works as a doctor, registrar or administrator at a clinic caring for {@code patient}. */
    boolean cares(UserId staff, PatientId patient);

    /** Whether {@code staff} keeps the registry (a registrar or administrator) of a clinic caring for {@code patient}. */
    boolean keepsRegistry(UserId staff, PatientId patient);

    /** Whether {@code staff} works at any clinic as a doctor, registrar or clinic administrator. */
    boolean worksAtAClinic(UserId staff);

    /** {@code staff} registered {@code patient}: the patient is in the care of every clinic they work at. */
    void registered(UserId staff, PatientId patient);
}
