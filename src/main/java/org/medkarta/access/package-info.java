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
 */
@ApplicationModule(displayName = "Access")
package org.medkarta.access;

import org.springframework.modulith.ApplicationModule;
