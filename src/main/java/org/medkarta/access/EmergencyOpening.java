package org.medkarta.access;

import java.time.Instant;
import org.medkarta.shared.PatientId;

/** An emergency opening of a record (SPEC F4): whose, why, and until when the doctor may see it. */
public record EmergencyOpening(PatientId patientId, String reason, Instant until) {}
