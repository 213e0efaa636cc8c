package org.medkarta.payment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.PatientId;

/**
 * A payment for an appointment as the patient and the clinic's staff see it.
 *
 * @param confirmationUrl where the patient pays now, while a try at the provider waits for them; null
 *     otherwise
 * @param receipt the 54-FZ receipt sent with the payment
 * @param refundableKopecks what the clinic may still give back: the paid amount less the refunds of it
 *     done or under way; 0 unless the payment is paid
 */
public record PaymentView(
        UUID id,
        UUID appointmentId,
        PatientId patientId,
        ClinicId clinicId,
        String serviceName,
        String clinicName,
        String clinicInn,
        long amountKopecks,
        PaymentState state,
        Instant appointmentStart,
        Instant holdUntil,
        Instant createdAt,
        Instant paidAt,
        String confirmationUrl,
        Receipt receipt,
        List<RefundView> refunds,
        long refundableKopecks) {

    /** The price in roubles for display, {@code 1500.00}. */
    public java.math.BigDecimal amountRoubles() {
        return java.math.BigDecimal.valueOf(amountKopecks, 2);
    }

    public java.math.BigDecimal refundableRoubles() {
        return java.math.BigDecimal.valueOf(refundableKopecks, 2);
    }

    /** Money given back, or being given back. */
    public record RefundView(
            long amountKopecks, String reason, String status, Instant createdAt, Instant doneAt, Receipt receipt) {

        public java.math.BigDecimal amountRoubles() {
            return java.math.BigDecimal.valueOf(amountKopecks, 2);
        }
    }
}
