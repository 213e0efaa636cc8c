package org.medkarta.payment;

/**
 * Where a payment for an appointment stands (SPEC B8).
 *
 * <ul>
 *   <li>{@code AWAITING_PAYMENT}: the slot is held while the patient pays;
 *   <li>{@code PAID}: the provider took the money;
 *   <li>{@code EXPIRED}: the hold lapsed unpaid and the slot was given back;
 *   <li>{@code CANCELLED}: the appointment was cancelled before it was paid;
 *   <li>{@code REFUNDED}: the appointment was cancelled and the money given back;
 *   <li>{@code FORFEITED}: the patient cancelled after the clinic's cut-off, nothing is given back.
 * </ul>
 */
public enum PaymentState {
    AWAITING_PAYMENT,
    PAID,
    EXPIRED,
    CANCELLED,
    REFUNDED,
    FORFEITED
}
