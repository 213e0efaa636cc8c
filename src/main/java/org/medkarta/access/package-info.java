/**
 * Who may see and change whose medical record (SPEC E11, F1-F5): the patient themself, a parent of a
 * child under 15, a person the patient granted access to, a clinician within a care relationship,
 * and an emergency opening with a stated reason. Every read and write of record data asks {@link
 * org.medkarta.access.RecordAccess} first; a record the asker may not see answers 404, and every
 * decision is one audit entry.
 *
 * <p>A record a clinic keeps is opened to a self-registered account only by a record-access request
 * with an identity document, the OMS policy and SNILS that the clinic's registry (or its automatic
 * approval of exact matches) approved (SPEC E0, {@link org.medkarta.access.RecordRequests}, {@link
 * org.medkarta.access.RecordRequestQueue}): never by a phone number.
 *
 * <p>It depends on identity (accounts, birth dates, creating a child's record), clinic (doctor
 * profiles, attachment), scheduling (appointments and referrals as care relationships), audit,
 * notification and files (the scans of record-access requests). Nothing it depends on depends on it: scheduling asks whether someone may act for a
 * patient through the {@link org.medkarta.shared.Representation} port, and a module that knows
 * further care relationships (consultations) contributes a {@link
 * org.medkarta.access.CareRelationship} bean. It keeps no medical data.
 *
 * <p>Its public facades, one per use case:
 *
 * <ul>
 *   <li>{@link org.medkarta.access.RecordAccess}: the one policy point, deciding and auditing every
 *       access to record data, and the records one may switch between (E11, F1–F5),
 *       tested by {@code RecordAccessIT};
 *   <li>{@link org.medkarta.access.EmergencyAccess}: a doctor's emergency opening of a record (F4),
 *       tested by {@code EmergencyAccessIT};
 *   <li>{@link org.medkarta.access.ClinicPatients}: the patients a clinic cares for, for its export
 *       and its questionnaires (E9, issue 15),
 *       tested by {@code ClinicPatientsIT};
 *   <li>{@link org.medkarta.access.Delegation}: grants of a record, their level and revocation, each
 *       confirmed with a one-time code (F1, F2),
 *       tested by {@code DelegationIT};
 *   <li>{@link org.medkarta.access.GrantInvitations}: the invitee's side, seeing and accepting an
 *       invitation (F2),
 *       tested by {@code GrantInvitationsIT};
 *   <li>{@link org.medkarta.access.Guardianship}: parents and children, registering a child (E11, F3),
 *       tested by {@code GuardianshipIT};
 *   <li>{@link org.medkarta.access.RecordRequests}, {@link org.medkarta.access.RecordRequestQueue}:
 *       record-access requests and the registry's queue of them (E0),
 *       tested by {@code RecordRequestsIT};
 *   <li>{@link org.medkarta.access.AccessAudit}: the patient's access log (G3),
 *       tested by {@code AccessAuditIT}.
 * </ul>
 *
 * <p>Every decision is made by {@code RecordAccess}; the other facades ask it, or take its decision
 * ({@code ClinicPatients#requireExport}). The grant steps both delegation facades share (codes, the
 * audit of a change of rights, telling the grantee) are the package-private {@code GrantSteps}.
 */
@ApplicationModule(displayName = "Access")
package org.medkarta.access;

import org.springframework.modulith.ApplicationModule;
