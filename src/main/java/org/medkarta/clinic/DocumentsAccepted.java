package org.medkarta.clinic;

import java.time.Instant;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.PatientId;

/** A patient accepted the current versions of a clinic's offer and consent (null where none is published). */
public record DocumentsAccepted(
        PatientId patient, ClinicId clinic, Integer offerVersion, Integer consentVersion, String address, Instant at) {}
