/**
 * Clinics and what a patient needs to know about them before booking: the clinic profile (SPEC
 * B1), its offer and informed voluntary consent as numbered versions with each patient's acceptance
 * (B2), doctors invited by e-mail with their profiles (B3, A8), service types with formats, kinds,
 * prices and visibility (B4, B5), attachment of patients (B6), the support queue (B7) and the public
 * catalogue of clinics and doctors. Set-up follows seed 000: the clinic profile and its documents
 * first, then doctors and service types.
 *
 * <p>A doctor has one profile per clinic ({@link org.medkarta.shared.DoctorId}), so a person working
 * in two clinics has two profiles and every schedule, service and consultation belongs to exactly
 * one clinic. Administrators of one clinic never read or change another's data: the facade answers
 * "not found".
 *
 * <p>It does not book (the scheduling module does, asking this module about visibility, attachment
 * and accepted documents through {@link org.medkarta.clinic.ClinicDirectory}) and does not hold
 * accounts or passwords: invitations go through the identity module's facade.
 */
@ApplicationModule(displayName = "Clinics")
package org.medkarta.clinic;

import org.springframework.modulith.ApplicationModule;
