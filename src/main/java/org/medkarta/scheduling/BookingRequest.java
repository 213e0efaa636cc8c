package org.medkarta.scheduling;

import java.util.UUID;
import org.medkarta.shared.PatientId;

/**
 * A booking as asked (SPEC C4).
 *
 * @param patient whose appointment: null for the signed-in patient themselves
 * @param service which of the slot's services; null when the slot offers one
 * @param referral which referral to use; null to use any valid one the patient holds
 * @param acceptClinicDocuments whether the patient accepts the clinic's current offer and consent now
 */
public record BookingRequest(
        UUID slot, PatientId patient, UUID service, UUID referral, String complaint, boolean acceptClinicDocuments) {}
