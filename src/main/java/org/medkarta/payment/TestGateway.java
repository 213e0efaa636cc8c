package org.medkarta.payment;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.shared.Columns;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PublicUrl;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The in-app test gateway for development and demos ({@code medkarta.payment.provider: TEST}): it
 * keeps its payments in a table (so any node answers), sends the patient to its own page where the
 * tester pays or declines, and then notifies the app exactly as YooKassa does, with a notification
 * that the app verifies by fetching the payment back. No money moves.
 */
class TestGateway implements Payments {

    static final String NAME = "test";

    private final JdbcClient jdbc;
    private final PublicUrl publicUrl;
    private final Clock clock;

    TestGateway(JdbcClient jdbc, PublicUrl publicUrl, Clock clock) {
        this.jdbc = jdbc;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProviderPayment create(Charge charge, String idempotenceKey) {
        insert("PAYMENT", null, charge.amountKopecks(), charge.description(), charge.returnUrl(), idempotenceKey);
        return byKey(idempotenceKey).map(this::payment).orElseThrow();
    }

    @Override
    public ProviderPayment fetch(String providerId) {
        return row(providerId)
                .filter(r -> r.kind().equals("PAYMENT"))
                .map(this::payment)
                .orElseThrow(NotFound::new);
    }

    @Override
    public ProviderRefund refund(String providerPaymentId, long amountKopecks, Receipt receipt, String idempotenceKey) {
        var known = byKey(idempotenceKey);
        if (known.isPresent()) {
            return refund(known.get());
        }
        var paid = fetch(providerPaymentId);
        long back = jdbc.sql("SELECT COALESCE(SUM(amount_kopecks), 0) FROM payment_test_gateway"
                        + " WHERE kind = 'REFUND' AND payment_id = :id AND status = 'SUCCEEDED'")
                .param("id", providerPaymentId)
                .query(Long.class)
                .single();
        // As YooKassa: a refund in parts, never more back in all than was paid.
        if (paid.status() != Status.SUCCEEDED || amountKopecks <= 0 || amountKopecks + back > paid.amountKopecks()) {
            throw PaymentRefusal.providerUnavailable();
        }
        insert("REFUND", providerPaymentId, amountKopecks, "refund", null, idempotenceKey);
        jdbc.sql("UPDATE payment_test_gateway SET status = 'SUCCEEDED' WHERE idempotence_key = :key")
                .param("key", idempotenceKey)
                .update();
        return byKey(idempotenceKey).map(TestGateway::refund).orElseThrow();
    }

    @Override
    public ProviderRefund fetchRefund(String providerRefundId) {
        return row(providerRefundId)
                .filter(r -> r.kind().equals("REFUND"))
                .map(TestGateway::refund)
                .orElseThrow(NotFound::new);
    }

    /** A payment as the gateway's page shows it. */
    record Row(
            String id,
            String kind,
            String paymentId,
            long amountKopecks,
            String description,
            String returnUrl,
            Status status) {}

    Optional<Row> row(String id) {
        return jdbc.sql("SELECT * FROM payment_test_gateway WHERE id = :id")
                .param("id", id)
                .query(TestGateway::row)
                .optional();
    }

    /** The tester's decision on the gateway's page; only a waiting payment can be decided. */
    boolean decide(String id, boolean pay) {
        return jdbc.sql("UPDATE payment_test_gateway SET status = :status WHERE id = :id AND kind = 'PAYMENT'"
                                + " AND status = 'PENDING'")
                        .param("status", (pay ? Status.SUCCEEDED : Status.CANCELED).name())
                        .param("id", id)
                        .update()
                == 1;
    }

    private void insert(String kind, String paymentId, long amount, String description, String returnUrl, String key) {
        jdbc.sql("""
                        INSERT INTO payment_test_gateway (id, idempotence_key, kind, payment_id, amount_kopecks,
                               description, return_url, status, created_at)
                        VALUES (:id, :key, :kind, :paymentId, :amount, :description, :returnUrl, 'PENDING', :now)
                        ON CONFLICT DO NOTHING
                        """)
                .param("id", "test-" + UUID.randomUUID())
                .param("key", key)
                .param("kind", kind)
                .param("paymentId", paymentId)
                .param("amount", amount)
                .param("description", description.length() > 500 ? description.substring(0, 500) : description)
                .param("returnUrl", returnUrl)
                .param("now", Columns.utc(clock.instant()))
                .update();
    }

    private Optional<Row> byKey(String key) {
        return jdbc.sql("SELECT * FROM payment_test_gateway WHERE idempotence_key = :key")
                .param("key", key)
                .query(TestGateway::row)
                .optional();
    }

    private ProviderPayment payment(Row row) {
        return new ProviderPayment(
                row.id(), row.status(), row.amountKopecks(), publicUrl.of("/payments/test-gateway/" + row.id()));
    }

    private static ProviderRefund refund(Row row) {
        return new ProviderRefund(row.id(), row.paymentId(), row.status(), row.amountKopecks());
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(
                rs.getString("id"),
                rs.getString("kind"),
                rs.getString("payment_id"),
                rs.getLong("amount_kopecks"),
                rs.getString("description"),
                rs.getString("return_url"),
                Status.valueOf(rs.getString("status")));
    }
}
