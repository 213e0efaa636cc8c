package org.medkarta.payment;

import java.util.List;

/** Turns the ledger's rows into what people see. */
final class Views {

    private Views() {}

    static PaymentView of(Ledger.PaymentRow payment, String confirmationUrl, List<Ledger.RefundRow> refunds) {
        return new PaymentView(
                payment.id(),
                payment.appointmentId(),
                payment.patientId(),
                payment.clinicId(),
                payment.serviceName(),
                payment.clinicName(),
                payment.clinicInn(),
                payment.amountKopecks(),
                payment.state(),
                payment.appointmentStart(),
                payment.holdUntil(),
                payment.createdAt(),
                payment.paidAt(),
                confirmationUrl,
                payment.receipt(),
                refunds.stream()
                        .map(r -> new PaymentView.RefundView(
                                r.amountKopecks(),
                                r.reason(),
                                r.status().name(),
                                r.createdAt(),
                                r.doneAt(),
                                r.receipt()))
                        .toList(),
                payment.state() != PaymentState.PAID
                        ? 0
                        : payment.amountKopecks()
                                - refunds.stream()
                                        .filter(r -> r.attemptKey().equals(payment.paidAttempt()))
                                        .filter(r -> r.status() != Payments.Status.CANCELED)
                                        .mapToLong(Ledger.RefundRow::amountKopecks)
                                        .sum());
    }
}
