package org.medkarta.scheduling;

/**
 * A referral a doctor issues outside a consultation (seed 004 «Новые направления»), as typed: to a
 * specialty, or to one doctor of it, valid until a day or open-ended, with the reason.
 *
 * @param patientId the patient, who must be in the doctor's care
 * @param doctorId a named doctor, or blank for any doctor of the specialty
 * @param validUntil the last day it may be used ({@code yyyy-MM-dd}); ignored when {@code openEnded}
 */
public record NewReferral(
        String patientId, String specialty, String doctorId, String validUntil, boolean openEnded, String reason) {}
