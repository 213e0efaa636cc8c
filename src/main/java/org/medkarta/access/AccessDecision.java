package org.medkarta.access;

import org.medkarta.shared.PatientId;

/**
 * A permitted access: whose record, on what grounds and at what level.
 *
 * @param level the level the relation carries; {@link AccessLevel#FULL} for the patient and a parent
 */
public record AccessDecision(PatientId patient, Relation relation, AccessLevel level) {}
