package org.medkarta.payment;

import java.util.Optional;
import org.medkarta.shared.NotFound;
import org.springframework.stereotype.Service;

/**
 * The test gateway's page (development and demos only): the tester sees what they pay and pays or
 * declines; the gateway then notifies the app with the same notification YooKassa sends, which the
 * app checks by fetching the payment back, as it does YooKassa's. With another provider configured
 * the page does not exist (404).
 */
@Service
public class TestGatewayCounter {

    private final Payments payments;
    private final PaymentWebhooks webhooks;

    TestGatewayCounter(Payments payments, PaymentWebhooks webhooks) {
        this.payments = payments;
        this.webhooks = webhooks;
    }

    /** What the page shows. */
    public record Pending(String id, long amountKopecks, String description, String status, String returnUrl) {

        public java.math.BigDecimal amountRoubles() {
            return java.math.BigDecimal.valueOf(amountKopecks, 2);
        }
    }

    public Pending pending(String id) {
        var row = gateway().row(id).filter(r -> r.kind().equals("PAYMENT")).orElseThrow(NotFound::new);
        return new Pending(
                row.id(), row.amountKopecks(), row.description(), row.status().name(), row.returnUrl());
    }

    /**
     * The tester pays or declines; then the notification goes out. A payment decided before stays as
     * it was, and the notification is sent again, as a provider may.
     *
     * @return where the patient goes back to
     */
    public String decide(String id, boolean pay) {
        var gateway = gateway();
        var row = gateway.row(id).filter(r -> r.kind().equals("PAYMENT")).orElseThrow(NotFound::new);
        gateway.decide(id, pay);
        var now = gateway.row(id).orElseThrow();
        String event = now.status() == Payments.Status.SUCCEEDED ? "payment.succeeded" : "payment.canceled";
        String body = "{\"type\":\"notification\",\"event\":\"" + event + "\",\"object\":{\"id\":\"" + now.id()
                + "\",\"status\":\"" + now.status().name().toLowerCase(java.util.Locale.ROOT) + "\"}}";
        webhooks.receive(TestGateway.NAME, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), "127.0.0.1");
        return Optional.ofNullable(row.returnUrl()).orElse("/");
    }

    private TestGateway gateway() {
        if (payments instanceof TestGateway gateway) {
            return gateway;
        }
        throw new NotFound();
    }
}
