package org.medkarta.payment.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.medkarta.identity.SignedInUser;
import org.medkarta.payment.Checkout;
import org.medkarta.payment.PaymentView;
import org.medkarta.payment.PaymentWebhooks;
import org.medkarta.shared.TypedId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Paying for a booked paid service over the API (SPEC B8, issue 20): the patient's side starts or
 * resumes the payment and reads it; the provider notifies the app. A payment of someone else answers
 * 404.
 */
@RestController
@Tag(name = "Payments")
class PaymentApi {

    private final Checkout checkout;
    private final PaymentWebhooks webhooks;

    PaymentApi(Checkout checkout, PaymentWebhooks webhooks) {
        this.checkout = checkout;
        this.webhooks = webhooks;
    }

    /** {@code {paymentId, confirmationUrl, state}}: where the patient pays, while the payment waits. */
    record Started(UUID paymentId, String confirmationUrl, String state) {}

    record Item(
            String description, int quantity, String amount, int vatCode, String paymentSubject, String paymentMode) {}

    record ReceiptBody(
            String sellerName, String sellerInn, String customerPhone, String customerEmail, List<Item> items) {}

    record Refund(String amount, String reason, String status, Instant createdAt, Instant doneAt) {}

    record Payment(
            UUID id,
            UUID appointmentId,
            String state,
            String amount,
            String currency,
            String service,
            String clinic,
            Instant holdUntil,
            Instant paidAt,
            String confirmationUrl,
            ReceiptBody receipt,
            List<Refund> refunds) {

        static Payment of(PaymentView p) {
            var r = p.receipt();
            return new Payment(
                    p.id(),
                    p.appointmentId(),
                    p.state().name(),
                    p.amountRoubles().toPlainString(),
                    "RUB",
                    p.serviceName(),
                    p.clinicName(),
                    p.holdUntil(),
                    p.paidAt(),
                    p.confirmationUrl(),
                    r == null
                            ? null
                            : new ReceiptBody(
                                    r.sellerName(),
                                    r.sellerInn(),
                                    r.customerPhone(),
                                    r.customerEmail(),
                                    r.items().stream()
                                            .map(i -> new Item(
                                                    i.description(),
                                                    i.quantity(),
                                                    i.amountRoubles().toPlainString(),
                                                    i.vatCode(),
                                                    i.paymentSubject(),
                                                    i.paymentMode()))
                                            .toList()),
                    p.refunds().stream()
                            .map(f -> new Refund(
                                    f.amountRoubles().toPlainString(),
                                    f.reason(),
                                    f.status(),
                                    f.createdAt(),
                                    f.doneAt()))
                            .toList());
        }
    }

    @PostMapping("/api/v1/appointments/{id}/payment")
    @PreAuthorize("isAuthenticated()")
    Started pay(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        var payment = checkout.pay(user, TypedId.parse(id, "id"));
        return new Started(
                payment.id(), payment.confirmationUrl(), payment.state().name());
    }

    @GetMapping("/api/v1/payments/{id}")
    @PreAuthorize("isAuthenticated()")
    Payment payment(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return Payment.of(checkout.payment(user, TypedId.parse(id, "id")));
    }

    /** {@code {event, paymentId, state}}: what the notification changed, as the provider confirmed it. */
    record Received(String event, UUID paymentId, String state) {}

    /**
     * A notification from the provider. No sign-in: the notification is verified by fetching its
     * object from the provider's API, and by the address allow-list when one is configured.
     */
    @PostMapping("/api/v1/payments/webhooks/{provider}")
    Received webhook(
            @PathVariable String provider, @RequestBody(required = false) byte[] body, HttpServletRequest request) {
        var received = webhooks.receive(provider, body == null ? new byte[0] : body, request.getRemoteAddr());
        return new Received(
                received.event(),
                received.payment().map(PaymentView::id).orElse(null),
                received.payment().map(p -> p.state().name()).orElse(null));
    }
}
