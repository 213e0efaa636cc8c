package org.medkarta.consultation;

/**
 * A referral from a consultation (SPEC D10; seed 004 «Создание направления»): to a specialty, or to
 * a named doctor, valid until a date or without end, with a presumed diagnosis and a reason.
 *
 * @param doctorId a named doctor, or null for any doctor of the specialty
 * @param validUntil the last day it may be used ({@code yyyy-MM-dd}), or null when {@code openEnded}
 * @param presumedDiagnosis an ICD-10 code, or null
 */
public record ReferralForm(
        String specialty,
        String doctorId,
        String validUntil,
        boolean openEnded,
        String presumedDiagnosis,
        String reason) {}
