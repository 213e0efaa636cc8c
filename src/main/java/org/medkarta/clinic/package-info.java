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
 * and accepted documents through its facades) and does not hold accounts or passwords: invitations go
 * through the identity module's facade.
 *
 * <p>Its public facades, one per use case:
 *
 * <ul>
 *   <li>{@link org.medkarta.clinic.ClinicSetUp}: registering a clinic, its profile, logo and
 *       administrators (B1, A8),
 *       tested by {@code ClinicSetUpIT};
 *   <li>{@link org.medkarta.clinic.ClinicAdministrators}: who administers which clinic, asked by the
 *       other modules before they show or change a clinic's data,
 *       tested by {@code ClinicAdministratorsIT};
 *   <li>{@link org.medkarta.clinic.ClinicStaff}: doctors with their profiles and photos, registrars
 *       and paramedics, invited by e-mail (B3, A8),
 *       tested by {@code ClinicStaffIT};
 *   <li>{@link org.medkarta.clinic.ClinicServices}: service types and their prices, with the price
 *       history (B4),
 *       tested by {@code ClinicServicesIT};
 *   <li>{@link org.medkarta.clinic.ClinicCatalogue}: the public catalogue of clinics, doctors and
 *       services and the visibility of a doctor's service to a patient (B5, C3),
 *       tested by {@code ClinicCatalogueIT};
 *   <li>{@link org.medkarta.clinic.OfferAndConsent}: the offer and consent as numbered versions and
 *       each patient's acceptance (B2),
 *       tested by {@code OfferAndConsentIT};
 *   <li>{@link org.medkarta.clinic.PatientAttachments}: attachment of patients to clinics (B6),
 *       tested by {@code PatientAttachmentsIT};
 *   <li>{@link org.medkarta.clinic.SupportQueue}: help requests and callback orders (B7),
 *       tested by {@code SupportQueueIT};
 *   <li>{@link org.medkarta.clinic.NearbyClinics}: clinics near a point on the map,
 *       tested by {@code NearbyClinicsIT};
 *   <li>{@link org.medkarta.clinic.HeadsOfDepartment}, {@link
 *       org.medkarta.clinic.ProtocolSigningPolicies} and {@link org.medkarta.clinic.ClinicSigningKeys}:
 *       heads of department, who signs protocols and the clinic's signing keys,
 *       tested by {@code HeadsOfDepartmentIT} and {@code ProtocolSigningPoliciesIT}.
 * </ul>
 *
 * <p>Every facade checks who administers a clinic through the one package-private {@code
 * ClinicAccess}.
 */
@ApplicationModule(displayName = "Clinics")
package org.medkarta.clinic;

import org.springframework.modulith.ApplicationModule;
