package org.medkarta.identity;

import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;

/**
 * Someone read or changed a patient's identifiers (SNILS, OMS/DMS policies) through the registry of
 * patient records, or was refused: published for the audit trail (SPEC G1), synchronously, so that
 * the entry is written before the answer. The registry serves staff (to find and book patients, as
 * a registration desk does) and the patient themself; reading the record itself goes through the
 * access module's policy point instead.
 *
 * @param actor who, null for nobody signed in
 * @param role STAFF or SELF, or NONE for a refusal
 * @param patient whose identifiers, null for a search
 * @param action PATIENT_CARD_READ, POLICIES_READ, POLICY_ADDED, POLICY_REMOVED, PATIENT_SEARCH
 * @param allowed whether it was done, or refused (404)
 */
public record PatientIdentifiersUsed(UserId actor, String role, PatientId patient, String action, boolean allowed) {}
