package org.medkarta.consultation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.PatientId;

/**
 * A referral issued from a consultation, as the patient's account shows it.
 *
 * @param validUntil the last day it may be used, or null when it has no end
 * @param usedAt when a booking used it up, or null
 */
public record ReferralView(
        UUID id,
        UUID consultationId,
        PatientId patientId,
        String specialty,
        DoctorId doctorId,
        String doctorName,
        LocalDate validUntil,
        Diagnosis presumedDiagnosis,
        String reason,
        Instant issuedAt,
        String issuedByName,
        Instant usedAt) {}
