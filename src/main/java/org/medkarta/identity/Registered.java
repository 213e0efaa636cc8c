package org.medkarta.identity;

import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;

/** A new patient account and the id of its (still empty) medical record. */
public record Registered(UserId userId, PatientId patientId) {}
