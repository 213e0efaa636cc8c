package org.medkarta.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.PatientId;

/**
 * A referral as the doctor who issued it (or the registrar who entered it from paper) lists it.
 *
 * @param doctorId the doctor it names, or null for any doctor of the specialty
 * @param validUntil the last day it may be used, or null when it has no end
 * @param state derived at the reading from the clock, the booking that used it and a cancellation
 * @param paper where a paper referral came from, or null for one issued here
 */
public record IssuedReferral(
        UUID id,
        PatientId patientId,
        String patientName,
        String specialty,
        DoctorId doctorId,
        String doctorName,
        Instant issuedAt,
        LocalDate validUntil,
        ReferralState state,
        Instant usedAt,
        UUID appointmentId,
        Instant cancelledAt,
        String reason,
        PaperReferral paper) {}
