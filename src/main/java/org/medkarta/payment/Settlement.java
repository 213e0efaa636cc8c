package org.medkarta.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.ClinicServices;
import org.medkarta.clinic.ServiceId;
import org.medkarta.clinic.ServiceView;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.AccountView;
import org.medkarta.scheduling.AppointmentBooked;
import org.medkarta.scheduling.AppointmentCancelled;
import org.medkarta.scheduling.AppointmentChanges;
import org.medkarta.shared.PublicUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How a payment moves (SPEC B8): opened when a paid service is booked, tried at the provider, settled
 * by what the provider says (never by what a notification claims), lapsed when the hold is over, and
 * refunded by the clinic's rule.
 *
 * <p>Crash safety: every step writes what it is about to do before it asks the provider, under an
 * idempotence key derived from the appointment (a try: {@code mk-<appointment>-<n>}; a refund: the
 * try's key with {@code -r}), so a step repeated after a crash, a timeout or a lost answer asks the
 * provider the same question and gets the same payment or refund back; what a crash left unfinished
 * (a try without the provider's id, a try nobody heard about, a refund owed) the reconcile job finishes.
 */
@Component
class Settlement {

    private static final Logger log = LoggerFactory.getLogger(Settlement.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final Ledger ledger;
    private final Payments payments;
    private final ClinicCatalogue clinics;
    private final ClinicServices clinicServices;
    private final AccountDirectory identity;
    private final AppointmentChanges appointmentChanges;
    private final PaymentProperties properties;
    private final PublicUrl publicUrl;
    private final Clock clock;
    private final TransactionTemplate transaction;

    Settlement(
            Ledger ledger,
            Payments payments,
            ClinicCatalogue clinics,
            ClinicServices clinicServices,
            AccountDirectory identity,
            AppointmentChanges appointmentChanges,
            PaymentProperties properties,
            PublicUrl publicUrl,
            Clock clock,
            TransactionTemplate transaction) {
        this.ledger = ledger;
        this.payments = payments;
        this.clinics = clinics;
        this.clinicServices = clinicServices;
        this.identity = identity;
        this.appointmentChanges = appointmentChanges;
        this.properties = properties;
        this.publicUrl = publicUrl;
        this.clock = clock;
        this.transaction = transaction;
    }

    String provider() {
        return payments.name();
    }

    // ---------------------------------------------------------------- opening the hold

    /**
     * Holds the slot of a paid service that the patient's side booked while they pay. A booking by
     * the clinic's staff (at the desk, on the phone) is paid at the clinic and holds nothing.
     */
    void open(AppointmentBooked booked) {
        if (booked.patientUser() == null || !booked.patientUser().equals(booked.bookedBy())) {
            return;
        }
        var serviceId = new ServiceId(booked.serviceId());
        long price = clinicServices.priceAt(serviceId, booked.bookedAt());
        if (price <= 0) {
            return;
        }
        String service = clinics.service(serviceId).map(ServiceView::name).orElse("");
        var clinic = clinics.card(booked.clinic());
        String inn = clinics.inn(booked.clinic());
        var payer = identity.account(booked.patientUser());
        // Moscow time, as every payment page shows it (issue 20), named so in the receipt's own words.
        String description = service + ", " + WHEN.format(booked.start().atZone(PaymentDesk.MOSCOW)) + " МСК";
        var receipt = new Receipt(
                clinic.name(),
                inn,
                payer.map(AccountView::phone).orElse(null),
                payer.map(AccountView::email).orElse(null),
                List.of(new Receipt.Item(
                        description,
                        1,
                        price,
                        properties.vatCode(),
                        properties.paymentSubject(),
                        properties.paymentMode())));
        ledger.open(new Ledger.PaymentRow(
                UUID.randomUUID(),
                booked.appointmentId(),
                booked.patient(),
                booked.patientUser(),
                booked.clinic(),
                booked.serviceId(),
                service,
                clinic.name(),
                inn,
                price,
                PaymentState.AWAITING_PAYMENT,
                booked.start(),
                booked.bookedAt().plus(properties.hold()),
                clock.instant(),
                null,
                null,
                receipt));
    }

    // ---------------------------------------------------------------- paying

    /**
     * Sends the patient to pay: the waiting try's page, or a new try (the first, or after a declined
     * one). The try is written before the provider is asked, so a crash in between is repeated with
     * the same key and charges once.
     */
    Ledger.PaymentRow pay(Ledger.PaymentRow payment) {
        if (payment.state() != PaymentState.AWAITING_PAYMENT) {
            if (payment.state() == PaymentState.EXPIRED || payment.state() == PaymentState.CANCELLED) {
                throw PaymentRefusal.closed();
            }
            return payment;
        }
        Instant now = clock.instant();
        if (!now.isBefore(payment.holdUntil())) {
            throw PaymentRefusal.closed();
        }
        var attempts = ledger.attempts(payment.id());
        var last = attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
        String key;
        if (last != null && last.status() == Payments.Status.PENDING) {
            if (last.providerId() != null) {
                return payment;
            }
            key = last.key();
        } else {
            int number = last == null ? 1 : last.number() + 1;
            key = attemptKey(payment.appointmentId(), number);
            ledger.addAttempt(key, payment.id(), number, payments.name(), now);
        }
        create(payment, key);
        return ledger.find(payment.id()).orElseThrow();
    }

    private void create(Ledger.PaymentRow payment, String key) {
        var created = payments.create(charge(payment), key);
        ledger.created(key, created.id(), created.confirmationUrl());
        if (created.status() != Payments.Status.PENDING) {
            settle(created);
        }
    }

    private Payments.Charge charge(Ledger.PaymentRow payment) {
        String description = "Оплата: " + payment.receipt().items().get(0).description();
        return new Payments.Charge(
                payment.amountKopecks(),
                description,
                publicUrl.of("/payments/" + payment.id()),
                payment.receipt(),
                Map.of(
                        "paymentId",
                        payment.id().toString(),
                        "appointmentId",
                        payment.appointmentId().toString()));
    }

    static String attemptKey(UUID appointment, int number) {
        return "mk-" + appointment + "-" + number;
    }

    static String refundKey(String attemptKey) {
        return attemptKey + "-r";
    }

    /** Where the patient pays now: the waiting try's page, while the payment waits. */
    String confirmationUrl(Ledger.PaymentRow payment) {
        if (payment.state() != PaymentState.AWAITING_PAYMENT) {
            return null;
        }
        var attempts = ledger.attempts(payment.id());
        return attempts.isEmpty()
                ? null
                : attempts.get(attempts.size() - 1).status() == Payments.Status.PENDING
                        ? attempts.get(attempts.size() - 1).confirmationUrl()
                        : null;
    }

    // ---------------------------------------------------------------- settling what the provider says

    /**
     * Applies the provider's own account of a payment, once: a try settles once, a repeated, late or
     * out-of-order notification changes nothing more. Money that came for a payment that no longer
     * waits (paid by another try, lapsed, cancelled) is owed back at once.
     *
     * @return the payment, or null when the provider's payment is none of ours
     */
    Ledger.PaymentRow settle(Payments.ProviderPayment fetched) {
        var attempt = ledger.attemptAt(payments.name(), fetched.id()).orElse(null);
        if (attempt == null) {
            return null;
        }
        transaction.executeWithoutResult(status -> settleLocked(attempt, fetched));
        sendOwedRefunds();
        return ledger.find(attempt.paymentId()).orElseThrow();
    }

    private void settleLocked(Ledger.AttemptRow attempt, Payments.ProviderPayment fetched) {
        var payment = ledger.lock(attempt.paymentId()).orElseThrow();
        Instant now = clock.instant();
        if (fetched.status() == Payments.Status.PENDING) {
            ledger.checked(attempt.key(), now);
            return;
        }
        if (!ledger.settle(attempt.key(), fetched.status(), now) || fetched.status() != Payments.Status.SUCCEEDED) {
            return;
        }
        if (payment.state() == PaymentState.AWAITING_PAYMENT
                && fetched.amountKopecks() == payment.amountKopecks()
                && ledger.paid(payment.id(), attempt.key(), now)) {
            return;
        }
        String reason = payment.state() == PaymentState.PAID ? "DUPLICATE" : "NOT_AWAITED";
        ledger.owe(
                refundKey(attempt.key()),
                payment.id(),
                attempt.key(),
                fetched.amountKopecks(),
                reason,
                refundReceipt(payment, fetched.amountKopecks()),
                now);
    }

    private Receipt refundReceipt(Ledger.PaymentRow payment, long amount) {
        var paid = payment.receipt();
        var item = paid.items().get(0);
        return new Receipt(
                paid.sellerName(),
                paid.sellerInn(),
                paid.customerPhone(),
                paid.customerEmail(),
                List.of(new Receipt.Item(
                        item.description(), 1, amount, item.vatCode(), item.paymentSubject(), item.paymentMode())));
    }

    // ---------------------------------------------------------------- cancellation and refunds

    /**
     * A cancelled appointment's money (SPEC B8, the clinic's rules): all of it back when the clinic
     * cancels, or when the patient cancels at least the clinic's cut-off before the start; nothing
     * when the patient cancels later. An unpaid payment closes, and money that comes for it later
     * goes back.
     */
    void cancelled(AppointmentCancelled cancelled) {
        var found = ledger.ofAppointment(cancelled.appointmentId()).orElse(null);
        if (found == null) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            var payment = ledger.lock(found.id()).orElseThrow();
            Instant now = clock.instant();
            if (payment.state() == PaymentState.AWAITING_PAYMENT) {
                ledger.move(payment.id(), PaymentState.AWAITING_PAYMENT, PaymentState.CANCELLED, now);
            } else if (payment.state() == PaymentState.PAID) {
                Duration cutoff = ledger.cutoffHours(payment.clinicId())
                        .map(Duration::ofHours)
                        .orElse(properties.refundCutoff());
                boolean inTime = !cancelled
                        .cancelledAt()
                        .isAfter(payment.appointmentStart().minus(cutoff));
                if (cancelled.byClinic() || inTime) {
                    // What the staff already gave back of it is not given twice: the rest goes back.
                    long rest = payment.amountKopecks() - ledger.givenBack(payment.paidAttempt(), false);
                    if (rest > 0) {
                        ledger.owe(
                                refundKey(payment.paidAttempt()),
                                payment.id(),
                                payment.paidAttempt(),
                                rest,
                                cancelled.byClinic() ? "CLINIC_CANCELLED" : "PATIENT_IN_TIME",
                                refundReceipt(payment, rest),
                                now);
                    }
                } else {
                    ledger.move(payment.id(), PaymentState.PAID, PaymentState.FORFEITED, now);
                }
            }
        });
        sendOwedRefunds();
    }

    /**
     * The clinic's staff give back part (or the rest) of a paid payment (issue 20): under the
     * payment's lock, never more than what is not yet given back or on its way, each part under a key
     * of its own ({@code <try>-p<n>}) written before the provider is asked. The payment stays paid
     * until all of its money is back.
     *
     * @throws PaymentRefusal {@code payment-not-refundable} when the payment is not paid
     * @throws InvalidInput {@code amount} when it is more than what may still be refunded
     */
    void refundPart(java.util.UUID paymentId, long amount) {
        transaction.executeWithoutResult(status -> {
            var payment = ledger.lock(paymentId).orElseThrow();
            if (payment.state() != PaymentState.PAID) {
                throw PaymentRefusal.notRefundable();
            }
            long rest = payment.amountKopecks() - ledger.givenBack(payment.paidAttempt(), false);
            if (amount > rest) {
                throw new org.medkarta.shared.InvalidInput(
                        "amount",
                        "payment.validation.refund-too-much",
                        java.math.BigDecimal.valueOf(rest, 2).toPlainString());
            }
            long parts = ledger.refunds(payment.id()).stream()
                    .filter(r -> r.attemptKey().equals(payment.paidAttempt()))
                    .count();
            ledger.owe(
                    payment.paidAttempt() + "-p" + (parts + 1),
                    payment.id(),
                    payment.paidAttempt(),
                    amount,
                    "STAFF_PARTIAL",
                    refundReceipt(payment, amount),
                    clock.instant());
        });
        sendOwedRefunds();
    }

    /**
     * Asks the provider for every refund owed (each under its own key, so asking twice refunds once)
     * and closes the payments whose money is back.
     *
     * @return how many refunds the provider has now confirmed
     */
    int sendOwedRefunds() {
        int done = 0;
        for (var refund : ledger.owedRefunds(100)) {
            try {
                Payments.ProviderRefund answer;
                if (refund.providerId() == null) {
                    var attempt = ledger.attempt(refund.attemptKey()).orElseThrow();
                    answer = payments.refund(
                            attempt.providerId(), refund.amountKopecks(), refund.receipt(), refund.key());
                } else {
                    answer = payments.fetchRefund(refund.providerId());
                }
                if (refunded(refund, answer)) {
                    done++;
                }
            } catch (RuntimeException failed) {
                log.warn("Refund {} not sent yet; the reconcile job tries again", refund.key(), failed);
            }
        }
        return done;
    }

    /**
     * Applies the provider's account of a refund; the payment closes as refunded once all the money of
     * its paid try is confirmed back (one refund, or parts).
     */
    boolean refunded(Ledger.RefundRow refund, Payments.ProviderRefund answer) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            Instant now = clock.instant();
            ledger.refunded(refund.key(), answer.id(), answer.status(), now);
            if (answer.status() != Payments.Status.SUCCEEDED) {
                return false;
            }
            var payment = ledger.lock(refund.paymentId()).orElseThrow();
            if (refund.attemptKey().equals(payment.paidAttempt())
                    && ledger.givenBack(payment.paidAttempt(), true) >= payment.amountKopecks()) {
                ledger.move(payment.id(), PaymentState.PAID, PaymentState.REFUNDED, now);
            }
            return true;
        }));
    }

    Ledger.RefundRow refundAt(String providerRefundId) {
        return ledger.refundAt(providerRefundId).orElse(null);
    }

    // ---------------------------------------------------------------- the jobs

    /**
     * Gives back the slots of holds that lapsed unpaid, each exactly once however many nodes run this:
     * the provider is asked first (money may have come without a word), then the payment's
     * conditional update and the cancellation commit together.
     *
     * @return how many slots were given back
     */
    int lapse() {
        int released = 0;
        for (UUID id : ledger.lapsedHolds(clock.instant(), 100)) {
            if (lapse(id)) {
                released++;
            }
        }
        return released;
    }

    /** Lapses one hold if it is still unpaid and over; true for the one caller that gave the slot back. */
    boolean lapse(UUID id) {
        for (var attempt : ledger.attempts(id)) {
            if (attempt.status() == Payments.Status.PENDING && attempt.providerId() != null) {
                check(attempt);
            }
        }
        var payment = ledger.find(id).orElseThrow();
        return Boolean.TRUE.equals(transaction.execute(status -> {
            if (!ledger.expire(id, clock.instant())) {
                return false;
            }
            appointmentChanges.releaseUnpaid(payment.appointmentId());
            return true;
        }));
    }

    /**
     * Asks the provider about tries nobody heard about for a while (a lost notification, a crash
     * before the provider's id was written) and sends owed refunds.
     *
     * @return how many tries were checked
     */
    int reconcile() {
        int checked = 0;
        for (var attempt : ledger.unheard(clock.instant().minus(properties.webhookGrace()), 100)) {
            if (!attempt.provider().equals(payments.name())) {
                continue;
            }
            try {
                if (attempt.providerId() == null) {
                    var payment = ledger.find(attempt.paymentId()).orElseThrow();
                    if (payment.state() == PaymentState.AWAITING_PAYMENT) {
                        create(payment, attempt.key());
                    } else {
                        ledger.settle(attempt.key(), Payments.Status.CANCELED, clock.instant());
                    }
                } else {
                    check(attempt);
                }
                checked++;
            } catch (RuntimeException failed) {
                log.warn("Payment try {} not checked; tried again later", attempt.key(), failed);
            }
        }
        sendOwedRefunds();
        return checked;
    }

    private void check(Ledger.AttemptRow attempt) {
        try {
            settle(payments.fetch(attempt.providerId()));
        } catch (RuntimeException failed) {
            log.warn("Payment try {} not checked; tried again later", attempt.key(), failed);
        }
    }
}
