package org.medkarta.payment;

import java.util.Map;

/**
 * The port to an acquiring provider (SPEC B8): YooKassa's REST API v3 ({@link YooKassa}) or the in-app
 * test gateway ({@link TestGateway}). Every request that moves money carries an idempotence key, so a
 * request retried after a crash or a timeout charges or refunds once.
 */
interface Payments {

    /** The provider's name in the notification path {@code /api/v1/payments/webhooks/{provider}}. */
    String name();

    /**
     * Asks for a payment the patient confirms on the provider's page, captured at once.
     *
     * @param idempotenceKey the same key answers with the same payment
     * @throws PaymentRefusal {@code payment-provider-unavailable}
     */
    ProviderPayment create(Charge charge, String idempotenceKey);

    /** The payment as the provider holds it now; how every notification is verified. */
    ProviderPayment fetch(String providerId);

    /** Gives back money of a succeeded payment, with the refund's receipt. */
    ProviderRefund refund(String providerPaymentId, long amountKopecks, Receipt receipt, String idempotenceKey);

    /** The refund as the provider holds it now. */
    ProviderRefund fetchRefund(String providerRefundId);

    /** Whether a notification from this address may be heard at all. */
    default boolean trusts(String remoteAddress) {
        return true;
    }

    /** What the patient pays for: the amount, a description, where they come back to, the receipt. */
    record Charge(
            long amountKopecks, String description, String returnUrl, Receipt receipt, Map<String, String> metadata) {}

    /** The provider's statuses, as ours: {@code pending} and {@code waiting_for_capture} wait. */
    enum Status {
        PENDING,
        SUCCEEDED,
        CANCELED
    }

    record ProviderPayment(String id, Status status, long amountKopecks, String confirmationUrl) {}

    record ProviderRefund(String id, String paymentId, Status status, long amountKopecks) {}
}
