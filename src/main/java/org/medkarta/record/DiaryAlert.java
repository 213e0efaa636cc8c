package org.medkarta.record;

import java.time.Instant;
import java.util.UUID;
import org.medkarta.shared.PatientId;

/** A reading beyond a doctor's threshold, on that doctor's alerts desk. */
public record DiaryAlert(
        UUID id, PatientId patientId, String patientName, String detail, Instant at, Instant acknowledgedAt) {}
