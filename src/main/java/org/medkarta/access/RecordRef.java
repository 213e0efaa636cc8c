package org.medkarta.access;

import org.medkarta.shared.PatientId;

/** A record someone may switch to: their own, a child's, or one delegated to them. */
public record RecordRef(PatientId patientId, Relation relation, AccessLevel level) {}
