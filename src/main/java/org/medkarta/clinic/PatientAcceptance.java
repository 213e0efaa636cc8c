package org.medkarta.clinic;

import java.time.Instant;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.PatientId;

/** A patient's acceptance of one version of a clinic's document, with the clinic it was given to (SPEC B2). */
public record PatientAcceptance(
        PatientId patient, ClinicId clinic, String clinicName, DocumentKind kind, int version, Instant acceptedAt) {}
