package org.medkarta.clinic;

import java.time.Instant;
import java.util.UUID;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.PatientId;

/** A clinic confirmed a patient's attachment; an earlier one of the same kind has ended. */
public record PatientAttached(UUID attachment, PatientId patient, ClinicId clinic, AttachmentKind kind, Instant at) {}
