package org.medkarta.questionnaire;

import org.medkarta.shared.PatientId;

/** A patient in a clinic's care, to send a questionnaire to: the id and the name a page shows. */
public record PatientChoice(PatientId patientId, String name) {}
