package org.medkarta.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.Columns;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The payments, their tries at the provider and their refunds. Every change of state is a
 * conditional update, so two nodes, a notification and the reconcile job racing each other change
 * a payment once.
 */
@Repository
class Ledger {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    Ledger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record PaymentRow(
            UUID id,
            UUID appointmentId,
            PatientId patientId,
            UserId patientUserId,
            ClinicId clinicId,
            UUID serviceId,
            String serviceName,
            String clinicName,
            String clinicInn,
            long amountKopecks,
            PaymentState state,
            Instant appointmentStart,
            Instant holdUntil,
            Instant createdAt,
            Instant paidAt,
            String paidAttempt,
            Receipt receipt) {}

    record AttemptRow(
            String key,
            UUID paymentId,
            int number,
            String provider,
            String providerId,
            String confirmationUrl,
            Payments.Status status,
            Instant createdAt) {}

    record RefundRow(
            String key,
            UUID paymentId,
            String attemptKey,
            long amountKopecks,
            String reason,
            Payments.Status status,
            String providerId,
            Receipt receipt,
            Instant createdAt,
            Instant doneAt) {}

    // ---------------------------------------------------------------- payments

    /** Opens the payment of an appointment once: a second call for the same appointment opens nothing. */
    boolean open(PaymentRow row) {
        return jdbc.sql("""
                        INSERT INTO payment (id, appointment_id, patient_id, patient_user_id, clinic_id, service_id,
                               service_name, clinic_name, clinic_inn, amount_kopecks, state, appointment_start,
                               hold_until, created_at, receipt, version)
                        VALUES (:id, :appointment, :patient, :patientUser, :clinic, :service, :serviceName,
                               :clinicName, :inn, :amount, :state, :start, :holdUntil, :now, :receipt, 1)
                        ON CONFLICT DO NOTHING
                        """)
                        .param("id", row.id())
                        .param("appointment", row.appointmentId())
                        .param("patient", row.patientId().value())
                        .param("patientUser", row.patientUserId().value())
                        .param("clinic", row.clinicId().value())
                        .param("service", row.serviceId())
                        .param("serviceName", cut(row.serviceName(), 500))
                        .param("clinicName", cut(row.clinicName(), 500))
                        .param("inn", row.clinicInn())
                        .param("amount", row.amountKopecks())
                        .param("state", row.state().name())
                        .param("start", Columns.utc(row.appointmentStart()))
                        .param("holdUntil", Columns.utc(row.holdUntil()))
                        .param("now", Columns.utc(row.createdAt()))
                        .param("receipt", JSON.writeValueAsString(row.receipt()))
                        .update()
                == 1;
    }

    Optional<PaymentRow> find(UUID id) {
        return one("SELECT * FROM payment WHERE id = :id", id, Ledger::payment);
    }

    Optional<PaymentRow> ofAppointment(UUID appointment) {
        return one("SELECT * FROM payment WHERE appointment_id = :id", appointment, Ledger::payment);
    }

    /** The payment, locked until the transaction ends: its changes of state run one at a time. */
    Optional<PaymentRow> lock(UUID id) {
        return one("SELECT * FROM payment WHERE id = :id FOR UPDATE", id, Ledger::payment);
    }

    /** Moves the payment from one state to another, only if it is still in the first. */
    boolean move(UUID id, PaymentState from, PaymentState to, Instant now) {
        return jdbc.sql("""
                        UPDATE payment SET state = :to, version = version + 1,
                               closed_at = CASE WHEN :closes THEN :now ELSE closed_at END
                        WHERE id = :id AND state = :from
                        """)
                        .param("id", id)
                        .param("from", from.name())
                        .param("to", to.name())
                        .param("closes", to != PaymentState.PAID && to != PaymentState.AWAITING_PAYMENT)
                        .param("now", Columns.utc(now))
                        .update()
                == 1;
    }

    boolean paid(UUID id, String attempt, Instant now) {
        return jdbc.sql("""
                        UPDATE payment SET state = 'PAID', paid_at = :now, paid_attempt = :attempt,
                               version = version + 1
                        WHERE id = :id AND state = 'AWAITING_PAYMENT'
                        """)
                        .param("id", id)
                        .param("attempt", attempt)
                        .param("now", Columns.utc(now))
                        .update()
                == 1;
    }

    /** The hold lapses: only an unpaid payment whose hold is over, and only once. */
    boolean expire(UUID id, Instant now) {
        return jdbc.sql("""
                        UPDATE payment SET state = 'EXPIRED', closed_at = :now, version = version + 1
                        WHERE id = :id AND state = 'AWAITING_PAYMENT' AND hold_until <= :now
                        """).param("id", id).param("now", Columns.utc(now)).update() == 1;
    }

    void moveStart(UUID appointment, Instant start) {
        jdbc.sql("UPDATE payment SET appointment_start = :start WHERE appointment_id = :id")
                .param("id", appointment)
                .param("start", Columns.utc(start))
                .update();
    }

    List<UUID> lapsedHolds(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT id FROM payment WHERE state = 'AWAITING_PAYMENT' AND hold_until <= :now
                        ORDER BY hold_until LIMIT :limit
                        """)
                .param("now", Columns.utc(now))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    List<PaymentRow> ofClinic(ClinicId clinic, Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT * FROM payment WHERE clinic_id = :clinic AND created_at >= :from AND created_at < :to
                        ORDER BY created_at DESC
                        """)
                .param("clinic", clinic.value())
                .param("from", Columns.utc(from))
                .param("to", Columns.utc(to))
                .query(Ledger::payment)
                .list();
    }

    // ---------------------------------------------------------------- tries at the provider

    List<AttemptRow> attempts(UUID payment) {
        return jdbc.sql("SELECT * FROM payment_attempt WHERE payment_id = :id ORDER BY number")
                .param("id", payment)
                .query(Ledger::attempt)
                .list();
    }

    /** Adds a try; two requests adding the same number add one. */
    void addAttempt(String key, UUID payment, int number, String provider, Instant now) {
        jdbc.sql("""
                        INSERT INTO payment_attempt (idempotence_key, payment_id, number, provider, status, created_at)
                        VALUES (:key, :payment, :number, :provider, 'PENDING', :now)
                        ON CONFLICT DO NOTHING
                        """)
                .param("key", key)
                .param("payment", payment)
                .param("number", number)
                .param("provider", provider)
                .param("now", Columns.utc(now))
                .update();
    }

    Optional<AttemptRow> attempt(String key) {
        return one("SELECT * FROM payment_attempt WHERE idempotence_key = :id", key, Ledger::attempt);
    }

    Optional<AttemptRow> attemptAt(String provider, String providerId) {
        return jdbc.sql("SELECT * FROM payment_attempt WHERE provider = :provider AND provider_id = :id")
                .param("provider", provider)
                .param("id", providerId)
                .query(Ledger::attempt)
                .optional();
    }

    void created(String key, String providerId, String confirmationUrl) {
        jdbc.sql("""
                        UPDATE payment_attempt SET provider_id = :providerId, confirmation_url = :url
                        WHERE idempotence_key = :key AND provider_id IS NULL
                        """)
                .param("key", key)
                .param("providerId", providerId)
                .param("url", confirmationUrl)
                .update();
    }

    /** Settles a waiting try; a try settles once. */
    boolean settle(String key, Payments.Status status, Instant now) {
        return jdbc.sql("""
                        UPDATE payment_attempt SET status = :status, checked_at = :now
                        WHERE idempotence_key = :key AND status = 'PENDING'
                        """)
                        .param("key", key)
                        .param("status", status.name())
                        .param("now", Columns.utc(now))
                        .update()
                == 1;
    }

    void checked(String key, Instant now) {
        jdbc.sql("UPDATE payment_attempt SET checked_at = :now WHERE idempotence_key = :key")
                .param("key", key)
                .param("now", Columns.utc(now))
                .update();
    }

    /** Tries nobody has heard about for a while: their notification is late or lost, or the app crashed. */
    List<AttemptRow> unheard(Instant before, int limit) {
        return jdbc.sql("""
                        SELECT * FROM payment_attempt
                        WHERE status = 'PENDING' AND created_at <= :before
                          AND (checked_at IS NULL OR checked_at <= :before)
                        ORDER BY created_at LIMIT :limit
                        """)
                .param("before", Columns.utc(before))
                .param("limit", limit)
                .query(Ledger::attempt)
                .list();
    }

    // ---------------------------------------------------------------- refunds

    List<RefundRow> refunds(UUID payment) {
        return jdbc.sql("SELECT * FROM payment_refund WHERE payment_id = :id ORDER BY created_at")
                .param("id", payment)
                .query(Ledger::refund)
                .list();
    }

    /** Owes a refund of a charged try, once: the key is derived from the try. */
    boolean owe(String key, UUID payment, String attempt, long amount, String reason, Receipt receipt, Instant now) {
        return jdbc.sql("""
                        INSERT INTO payment_refund (idempotence_key, payment_id, attempt_key, amount_kopecks, reason,
                               status, receipt, created_at)
                        VALUES (:key, :payment, :attempt, :amount, :reason, 'PENDING', :receipt, :now)
                        ON CONFLICT DO NOTHING
                        """)
                        .param("key", key)
                        .param("payment", payment)
                        .param("attempt", attempt)
                        .param("amount", amount)
                        .param("reason", reason)
                        .param("receipt", JSON.writeValueAsString(receipt))
                        .param("now", Columns.utc(now))
                        .update()
                == 1;
    }

    /**
     * Money of a try given back ({@code confirmed}: only what the provider confirmed) or also on its
     * way back (refunds not refused): what may still be refunded is the rest.
     */
    long givenBack(String attemptKey, boolean confirmed) {
        return jdbc.sql("""
                        SELECT COALESCE(SUM(amount_kopecks), 0) FROM payment_refund
                        WHERE attempt_key = :attempt AND status <> 'CANCELED' AND (status = 'SUCCEEDED' OR NOT :confirmed)
                        """)
                .param("attempt", attemptKey)
                .param("confirmed", confirmed)
                .query(Long.class)
                .single();
    }

    List<RefundRow> owedRefunds(int limit) {
        return jdbc.sql("SELECT * FROM payment_refund WHERE status = 'PENDING' ORDER BY created_at LIMIT :limit")
                .param("limit", limit)
                .query(Ledger::refund)
                .list();
    }

    boolean refunded(String key, String providerId, Payments.Status status, Instant now) {
        return jdbc.sql("""
                        UPDATE payment_refund SET provider_id = :providerId, status = :status,
                               done_at = CASE WHEN :done THEN :now ELSE done_at END
                        WHERE idempotence_key = :key AND status = 'PENDING'
                        """)
                        .param("key", key)
                        .param("providerId", providerId)
                        .param("status", status.name())
                        .param("done", status != Payments.Status.PENDING)
                        .param("now", Columns.utc(now))
                        .update()
                == 1;
    }

    Optional<RefundRow> refundAt(String providerId) {
        return one("SELECT * FROM payment_refund WHERE provider_id = :id", providerId, Ledger::refund);
    }

    // ---------------------------------------------------------------- clinics' rules

    Optional<Integer> cutoffHours(ClinicId clinic) {
        return one(
                "SELECT refund_cutoff_hours FROM payment_clinic_setting WHERE clinic_id = :id",
                clinic.value(),
                (rs, n) -> rs.getInt(1));
    }

    void setCutoffHours(ClinicId clinic, int hours) {
        jdbc.sql("INSERT INTO payment_clinic_setting (clinic_id, refund_cutoff_hours) VALUES (:clinic, :hours)"
                        + " ON CONFLICT DO NOTHING")
                .param("clinic", clinic.value())
                .param("hours", hours)
                .update();
        jdbc.sql("UPDATE payment_clinic_setting SET refund_cutoff_hours = :hours WHERE clinic_id = :clinic")
                .param("clinic", clinic.value())
                .param("hours", hours)
                .update();
    }

    // ---------------------------------------------------------------- rows

    /** The one row, if any, that a query by a single {@code :id} finds. */
    private <T> Optional<T> one(String sql, Object id, RowMapper<T> rows) {
        return jdbc.sql(sql).param("id", id).query(rows).optional();
    }

    private static String cut(String text, int length) {
        return text == null ? "" : text.length() <= length ? text : text.substring(0, length);
    }

    private static Receipt receipt(String json) {
        return json == null ? null : JSON.readValue(json, Receipt.class);
    }

    private static PaymentRow payment(ResultSet rs, int n) throws SQLException {
        return new PaymentRow(
                Columns.uuid(rs, "id"),
                Columns.uuid(rs, "appointment_id"),
                new PatientId(Columns.uuid(rs, "patient_id")),
                new UserId(Columns.uuid(rs, "patient_user_id")),
                new ClinicId(Columns.uuid(rs, "clinic_id")),
                Columns.uuid(rs, "service_id"),
                rs.getString("service_name"),
                rs.getString("clinic_name"),
                rs.getString("clinic_inn"),
                rs.getLong("amount_kopecks"),
                PaymentState.valueOf(rs.getString("state")),
                Columns.instant(rs, "appointment_start"),
                Columns.instant(rs, "hold_until"),
                Columns.instant(rs, "created_at"),
                Columns.instant(rs, "paid_at"),
                rs.getString("paid_attempt"),
                receipt(rs.getString("receipt")));
    }

    private static AttemptRow attempt(ResultSet rs, int n) throws SQLException {
        return new AttemptRow(
                rs.getString("idempotence_key"),
                Columns.uuid(rs, "payment_id"),
                rs.getInt("number"),
                rs.getString("provider"),
                rs.getString("provider_id"),
                rs.getString("confirmation_url"),
                Payments.Status.valueOf(rs.getString("status")),
                Columns.instant(rs, "created_at"));
    }

    private static RefundRow refund(ResultSet rs, int n) throws SQLException {
        return new RefundRow(
                rs.getString("idempotence_key"),
                Columns.uuid(rs, "payment_id"),
                rs.getString("attempt_key"),
                rs.getLong("amount_kopecks"),
                rs.getString("reason"),
                Payments.Status.valueOf(rs.getString("status")),
                rs.getString("provider_id"),
                receipt(rs.getString("receipt")),
                Columns.instant(rs, "created_at"),
                Columns.instant(rs, "done_at"));
    }
}
