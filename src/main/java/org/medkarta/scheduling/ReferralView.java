package org.medkarta.scheduling;

import java.time.Instant;
import java.util.UUID;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.PatientId;

/**
 * A referral to a specialty, or to one doctor of it when {@code doctorId} is set.
 *
 * @param usedAt when a booking used it up; null while it can still be used
 */
public record ReferralView(
        UUID id,
        PatientId patientId,
        String specialty,
        DoctorId doctorId,
        Instant issuedAt,
        Instant validUntil,
        Instant usedAt,
        UUID appointmentId) {}
