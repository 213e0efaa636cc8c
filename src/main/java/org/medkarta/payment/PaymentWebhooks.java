package org.medkarta.payment;

import java.util.Optional;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The provider's notifications (YooKassa's {@code payment.succeeded}, {@code payment.canceled},
 * {@code refund.succeeded}; the test gateway sends the same). A notification is only a hint: its
 * object is fetched back from the provider's API — YooKassa's documented way to check one — and what
 * the API says is applied, once, however often and in whatever order notifications come. From an
 * address outside the configured allow-list nothing is heard.
 */
@Service
public class PaymentWebhooks {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Payments payments;
    private final Settlement settlement;
    private final Checkout checkout;

    PaymentWebhooks(Payments payments, Settlement settlement, Checkout checkout) {
        this.payments = payments;
        this.settlement = settlement;
        this.checkout = checkout;
    }

    /** What a notification did: the payment it concerned, as it stands now. */
    public record Received(String event, Optional<PaymentView> payment) {}

    /**
     * @param provider the name in the path; another than the configured provider answers 404
     * @throws PaymentRefusal {@code payment-webhook-untrusted}, {@code payment-provider-unavailable}
     * @throws InvalidInput when the body is no notification
     * @throws NotFound when the object is none of ours
     */
    public Received receive(String provider, byte[] body, String remoteAddress) {
        if (!payments.name().equals(provider)) {
            throw new NotFound();
        }
        if (!payments.trusts(remoteAddress)) {
            throw PaymentRefusal.untrustedSender();
        }
        JsonNode notification;
        try {
            notification = JSON.readTree(body);
        } catch (JacksonException | IllegalArgumentException unreadable) {
            throw new InvalidInput("body", "payment.validation.notification");
        }
        String event = notification == null ? "" : notification.path("event").asString("");
        String id = notification == null
                ? ""
                : notification.path("object").path("id").asString("");
        if (id.isBlank() || id.length() > 64 || !event.matches("(payment|refund)\\.[a-z_.]+")) {
            throw new InvalidInput("body", "payment.validation.notification");
        }
        if (event.startsWith("refund.")) {
            var refund = settlement.refundAt(id);
            if (refund == null) {
                throw new NotFound();
            }
            settlement.refunded(refund, payments.fetchRefund(id));
            return new Received(event, Optional.empty());
        }
        var payment = settlement.settle(fetch(id));
        if (payment == null) {
            throw new NotFound();
        }
        return new Received(event, Optional.of(checkout.view(payment)));
    }

    private Payments.ProviderPayment fetch(String id) {
        try {
            return payments.fetch(id);
        } catch (NotFound unknown) {
            throw new NotFound();
        }
    }
}
