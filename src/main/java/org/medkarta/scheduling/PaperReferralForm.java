package org.medkarta.scheduling;

/**
 * A paper referral from another clinic as the registry types it in, so that it unlocks booking like an
 * electronic one (issue 23).
 *
 * @param patientId a patient of the registrar's clinic
 * @param issuedOn the date written on the paper ({@code yyyy-MM-dd}), not in the future
 * @param validUntil the last day it may be used ({@code yyyy-MM-dd}); ignored when {@code openEnded}
 */
public record PaperReferralForm(
        String patientId,
        String organisation,
        String number,
        String issuedOn,
        String doctorName,
        String specialty,
        String validUntil,
        boolean openEnded) {}
