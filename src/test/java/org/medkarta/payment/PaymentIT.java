package org.medkarta.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medkarta.clinic.DoctorView;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.AppointmentChanges;
import org.medkarta.scheduling.AppointmentReading;
import org.medkarta.scheduling.AppointmentStatus;
import org.medkarta.scheduling.AppointmentView;
import org.medkarta.scheduling.Booking;
import org.medkarta.scheduling.BookingRequest;
import org.medkarta.scheduling.ScheduleTemplates;
import org.medkarta.scheduling.SlotSearch;
import org.medkarta.shared.ClinicId;
import org.medkarta.testing.ApiSupport;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Phones;
import org.medkarta.testing.TestCare;
import org.medkarta.testing.TestClinics;
import org.medkarta.testing.TestPatients;
import org.medkarta.testing.TestStaff;
import org.medkarta.testing.YooKassaStandIn;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Paid services end to end against a stand-in of YooKassa's API (SPEC B8, issue 20; seed 002): the
 * hold, paying, notifications verified and applied once, the lapse, refunds by the clinic's rules,
 * and the crash cases — each step failed in turn and finished by the reconcile job.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "medkarta.payment.provider=YOOKASSA")
class PaymentIT extends ApiSupport {

    private static final long PRICE = 250_050L;

    @Autowired
    ClinicFacades clinics;

    @Autowired
    IdentityFacades identity;

    @Autowired
    ScheduleTemplates scheduleTemplates;

    @Autowired
    SlotSearch slotSearch;

    @Autowired
    Booking booking;

    @Autowired
    AppointmentChanges appointmentChanges;

    @Autowired
    AppointmentReading appointmentReading;

    @Autowired
    Settlement settlement;

    @Autowired
    Ledger ledger;

    @Autowired
    Payments payments;

    @Autowired
    PaymentDesk desk;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    record Booked(ClinicId clinic, DoctorView doctor, SignedInUser patient, String token, AppointmentView appointment) {

        String paymentPath() {
            return "/api/v1/appointments/" + appointment.id() + "/payment";
        }
    }

    private Booked paidBooking(long price) {
        var clinic = TestClinics.register(clinics, "Клиника платных комиссий", "Europe/Moscow");
        var doctor = TestCare.invite(clinics, TestClinics.PLATFORM, clinic.id(), TestCare.NewDoctor.THERAPIST);
        TestCare.addService(
                clinics, TestClinics.PLATFORM, doctor, "Медицинская комиссия", "therapist", "PRIMARY", price, "REGION");
        TestCare.openSchedule(scheduleTemplates, doctor.id());
        var account = TestPatients.register(identity, "Платов", "Пётр", null, Phones.unique(), "1980-01-02");
        var patient = new SignedInUser(
                account.userId(),
                "Пётр Платов",
                account.patientId(),
                List.of(new RoleGrant(Role.PATIENT, null)),
                "SMS_CODE");
        var appointment = TestCare.appointment(slotSearch, booking, patient, doctor.id());
        return new Booked(
                clinic.id(),
                doctor,
                patient,
                identity.tokens().tokensFor(patient).accessToken(),
                appointment);
    }

    private Ledger.PaymentRow payment(Booked booked) {
        return ledger.ofAppointment(booked.appointment().id()).orElseThrow();
    }

    private String providerId(Booked booked) {
        var attempts = ledger.attempts(payment(booked).id());
        return attempts.get(attempts.size() - 1).providerId();
    }

    private JsonNode pay(Booked booked) {
        var answer = post(booked.paymentPath(), map(), "Authorization", "Bearer " + booked.token());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return body(answer);
    }

    /** Cancellations reach the module after their commit, on another thread: waits for what follows. */
    private static void eventually(Runnable assertion) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError notYet) {
                if (System.nanoTime() > until) {
                    throw notYet;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw notYet;
                }
            }
        }
    }

    private String app() {
        return "http://localhost:" + port;
    }

    @Test
    void aPaidBookingIsPaidThroughYooKassaWithA54FzReceiptAndTwiceNotifiedPaidOnce() {
        var booked = paidBooking(PRICE);
        var hold = payment(booked);
        assertThat(hold.state()).isEqualTo(PaymentState.AWAITING_PAYMENT);
        assertThat(Duration.between(booked.appointment().bookedAt(), hold.holdUntil())
                        .toSeconds())
                .isCloseTo(15 * 60, org.assertj.core.api.Assertions.within(1L));

        var started = pay(booked);
        assertThat(started.get("state").asString()).isEqualTo("AWAITING_PAYMENT");
        assertThat(started.get("confirmationUrl").asString()).startsWith("https://yoomoney.ru/checkout/");
        assertThat(started.get("paymentId").asString()).isEqualTo(hold.id().toString());

        String key = Settlement.attemptKey(booked.appointment().id(), 1);
        var sent = YooKassaStandIn.requestsWithKeyPrefix(key).get(0).body();
        assertThat(sent.get("amount").get("value").asString()).isEqualTo("2500.50");
        assertThat(sent.get("capture").asBoolean()).isTrue();
        assertThat(sent.get("confirmation").get("return_url").asString()).endsWith("/payments/" + hold.id());
        var item = sent.get("receipt").get("items").get(0);
        assertThat(item.get("description").asString()).startsWith("Медицинская комиссия");
        assertThat(item.get("vat_code").asInt()).isEqualTo(1);
        assertThat(item.get("payment_subject").asString()).isEqualTo("service");
        assertThat(item.get("payment_mode").asString()).isEqualTo("full_prepayment");
        assertThat(sent.get("receipt").get("customer").get("phone").asString()).doesNotStartWith("+");

        // Asking again sends the patient to the same page: no second payment at the provider.
        assertThat(pay(booked).get("confirmationUrl").asString())
                .isEqualTo(started.get("confirmationUrl").asString());
        assertThat(YooKassaStandIn.paymentsFor(key)).isEqualTo(1);

        YooKassaStandIn.succeed(providerId(booked));
        var first = YooKassaStandIn.notify(app(), "payment.succeeded", providerId(booked));
        var second = YooKassaStandIn.notify(app(), "payment.succeeded", providerId(booked));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(body(second).get("state").asString()).isEqualTo("PAID");

        var seen = getAs(booked.token(), "/api/v1/payments/" + hold.id());
        assertThat(seen.statusCode()).as(seen.body()).isEqualTo(200);
        assertThat(body(seen).get("state").asString()).isEqualTo("PAID");
        assertThat(body(seen).get("amount").asString()).isEqualTo("2500.50");
        assertThat(body(seen).get("receipt").get("sellerInn").asString()).isNotBlank();
        assertThat(body(seen).get("receipt").get("items").get(0).get("vatCode").asInt())
                .isEqualTo(1);
        assertThat(pay(booked).get("state").asString()).isEqualTo("PAID");
    }

    @Test
    void anotherPatientsPaymentAnswers404() {
        var booked = paidBooking(PRICE);
        var other = paidBooking(PRICE);
        var stranger =
                getAs(other.token(), "/api/v1/payments/" + payment(booked).id());
        assertThat(stranger.statusCode()).isEqualTo(404);
        var paying = post(booked.paymentPath(), map(), "Authorization", "Bearer " + other.token());
        assertThat(paying.statusCode()).isEqualTo(404);
        var anonymous = get("/api/v1/payments/" + payment(booked).id());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void aFreeServiceNeedsNoPayment() {
        var booked = paidBooking(0);
        assertThat(ledger.ofAppointment(booked.appointment().id())).isEmpty();
        var answer = post(booked.paymentPath(), map(), "Authorization", "Bearer " + booked.token());
        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(problem(answer)).isEqualTo("payment-not-needed");
    }

    @Test
    void aNotificationIsOnlyAHintWhatTheApiSaysIsApplied() {
        var booked = paidBooking(PRICE);
        pay(booked);
        // YooKassa has not taken the money; a forged "succeeded" changes nothing.
        var forged = YooKassaStandIn.notify(app(), "payment.succeeded", providerId(booked));
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(200);
        assertThat(payment(booked).state()).isEqualTo(PaymentState.AWAITING_PAYMENT);

        var unknown = YooKassaStandIn.notify(app(), "payment.succeeded", "2f0e0000-000f-5000-a000-000000000000");
        assertThat(unknown.statusCode()).isEqualTo(404);
        var malformed = post("/api/v1/payments/webhooks/yookassa", map("nonsense", true));
        assertThat(malformed.statusCode()).isEqualTo(422);
        var otherProvider = post("/api/v1/payments/webhooks/test", map("event", "payment.succeeded"));
        assertThat(otherProvider.statusCode()).isEqualTo(404);
    }

    @Test
    void aDeclinedPaymentCanBeTriedAgainUnderANewKeyAndALateCancelDoesNotUndoThePayment() {
        var booked = paidBooking(PRICE);
        pay(booked);
        String firstTry = providerId(booked);
        YooKassaStandIn.cancel(firstTry);
        YooKassaStandIn.notify(app(), "payment.canceled", firstTry);
        assertThat(payment(booked).state()).isEqualTo(PaymentState.AWAITING_PAYMENT);

        var again = pay(booked);
        assertThat(again.get("confirmationUrl").asString()).doesNotContain(firstTry);
        assertThat(YooKassaStandIn.requestsWithKeyPrefix(
                        Settlement.attemptKey(booked.appointment().id(), 2)))
                .hasSize(1);
        YooKassaStandIn.succeed(providerId(booked));
        YooKassaStandIn.notify(app(), "payment.succeeded", providerId(booked));
        // Out of order: the first try's cancellation arrives again after the success.
        YooKassaStandIn.notify(app(), "payment.canceled", firstTry);
        assertThat(payment(booked).state()).isEqualTo(PaymentState.PAID);
    }

    @Test
    void anUnpaidHoldLapsesOnceUnderConcurrencyAndTheSlotIsFreeAgain() throws Exception {
        var booked = paidBooking(PRICE);
        pay(booked);
        clock.advance(Duration.ofMinutes(16));

        var pool = Executors.newFixedThreadPool(3);
        try {
            var id = payment(booked).id();
            Callable<Boolean> lapse = () -> settlement.lapse(id);
            var results = pool.invokeAll(List.of(lapse, lapse, lapse));
            int released = 0;
            for (var result : results) {
                released += result.get() ? 1 : 0;
            }
            assertThat(released).isEqualTo(1);
        } finally {
            pool.shutdown();
        }
        assertThat(payment(booked).state()).isEqualTo(PaymentState.EXPIRED);
        var appointment = appointmentReading.appointment(
                booked.patient(), booked.appointment().id());
        assertThat(appointment.status()).isEqualTo(AppointmentStatus.CANCELLED);
        String slotStatus = jdbc.sql("SELECT status FROM scheduling_slot WHERE id = :id")
                .param("id", booked.appointment().slotId())
                .query(String.class)
                .single();
        assertThat(slotStatus).isEqualTo("FREE");
        assertThat(settlement.lapse(payment(booked).id())).isFalse();

        var refused = post(
                booked.paymentPath(),
                map(),
                "Authorization",
                "Bearer " + identity.tokens().tokensFor(booked.patient()).accessToken());
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(problem(refused)).isEqualTo("payment-closed");

        // Money that comes after the lapse goes back at once, under a key derived from the try.
        YooKassaStandIn.succeed(providerId(booked));
        YooKassaStandIn.notify(app(), "payment.succeeded", providerId(booked));
        YooKassaStandIn.notify(app(), "payment.succeeded", providerId(booked));
        assertThat(YooKassaStandIn.refundsOf(providerId(booked))).hasSize(1);
        assertThat(payment(booked).state()).isEqualTo(PaymentState.EXPIRED);
        assertThat(ledger.refunds(payment(booked).id()))
                .singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(Payments.Status.SUCCEEDED));
    }

    @Test
    void aHoldIsNotLapsedWhenTheMoneyCameWithoutANotification() {
        var booked = paidBooking(PRICE);
        pay(booked);
        YooKassaStandIn.succeed(providerId(booked));
        clock.advance(Duration.ofMinutes(16));
        settlement.lapse();
        assertThat(payment(booked).state()).isEqualTo(PaymentState.PAID);
        assertThat(appointmentReading
                        .appointment(booked.patient(), booked.appointment().id())
                        .status())
                .isEqualTo(AppointmentStatus.BOOKED);
    }

    @Test
    void theReconcileJobCompletesAPaymentWhoseNotificationNeverCame() {
        var booked = paidBooking(PRICE);
        pay(booked);
        YooKassaStandIn.succeed(providerId(booked));
        clock.advance(Duration.ofMinutes(1));
        settlement.reconcile();
        assertThat(payment(booked).state()).isEqualTo(PaymentState.AWAITING_PAYMENT);
        clock.advance(Duration.ofMinutes(2));
        assertThat(settlement.reconcile()).isPositive();
        assertThat(payment(booked).state()).isEqualTo(PaymentState.PAID);
    }

    @Test
    void aNotificationWhoseTransactionRolledBackIsCompletedByTheReconcileJob() {
        var booked = paidBooking(PRICE);
        pay(booked);
        YooKassaStandIn.succeed(providerId(booked));
        var fetched = payments.fetch(providerId(booked));
        // The notification was handled, then its transaction rolled back (a crash before the commit).
        transaction.executeWithoutResult(status -> {
            settlement.settle(fetched);
            status.setRollbackOnly();
        });
        assertThat(payment(booked).state()).isEqualTo(PaymentState.AWAITING_PAYMENT);
        clock.advance(Duration.ofMinutes(3));
        settlement.reconcile();
        assertThat(payment(booked).state()).isEqualTo(PaymentState.PAID);
    }

    @Test
    void aCrashAfterTheProviderMadeThePaymentChargesOnceWhenRetriedOrReconciled() {
        var booked = paidBooking(PRICE);
        String key = Settlement.attemptKey(booked.appointment().id(), 1);
        // The try was written and the provider asked, then the process died before it kept the id.
        transaction.executeWithoutResult(status -> {
            settlement.pay(payment(booked));
            status.setRollbackOnly();
        });
        assertThat(ledger.attempts(payment(booked).id())).isEmpty();
        assertThat(YooKassaStandIn.paymentsFor(key)).isEqualTo(1);
        // The patient tries again: the same key, the same payment.
        var again = pay(booked);
        assertThat(YooKassaStandIn.paymentsFor(key)).isEqualTo(1);
        assertThat(YooKassaStandIn.requestsWithKeyPrefix(key)).hasSize(2);
        assertThat(again.get("confirmationUrl").asString()).contains(providerId(booked));

        // A try whose id was never written, and nobody came back: the reconcile job asks again.
        var other = paidBooking(PRICE);
        var row = payment(other);
        String otherKey = Settlement.attemptKey(other.appointment().id(), 1);
        ledger.addAttempt(otherKey, row.id(), 1, "yookassa", clock.instant());
        var lost = payments.create(
                new Payments.Charge(PRICE, "lost", "http://localhost/", row.receipt(), java.util.Map.of()), otherKey);
        YooKassaStandIn.succeed(lost.id());
        clock.advance(Duration.ofMinutes(3));
        settlement.reconcile();
        assertThat(YooKassaStandIn.paymentsFor(otherKey)).isEqualTo(1);
        assertThat(payment(other).state()).isEqualTo(PaymentState.PAID);
    }

    @Test
    void theProviderDownAnswers503AndChargesNothingTwice() {
        var booked = paidBooking(PRICE);
        YooKassaStandIn.failNext(1);
        var refused = post(booked.paymentPath(), map(), "Authorization", "Bearer " + booked.token());
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(problem(refused)).isEqualTo("payment-provider-unavailable");
        pay(booked);
        assertThat(YooKassaStandIn.paymentsFor(
                        Settlement.attemptKey(booked.appointment().id(), 1)))
                .isEqualTo(1);
    }

    private Booked paid() {
        var booked = paidBooking(PRICE);
        pay(booked);
        YooKassaStandIn.succeed(providerId(booked));
        YooKassaStandIn.notify(app(), "payment.succeeded", providerId(booked));
        assertThat(payment(booked).state()).isEqualTo(PaymentState.PAID);
        return booked;
    }

    @Test
    void theClinicCancellingRefundsEverythingWithARefundReceiptOnce() {
        var booked = paid();
        var admin = TestStaff.administrator(identity, clinics, booked.clinic());
        // The clinic cancels well after the patient's cut-off: still all of it back.
        clock.freezeAt(booked.appointment().start().minus(Duration.ofHours(1)));
        appointmentChanges.cancel(
                TestCare.signedIn(booked.doctor()), booked.appointment().id());
        eventually(() -> assertThat(payment(booked).state()).isEqualTo(PaymentState.REFUNDED));

        var refunds = YooKassaStandIn.refundsOf(providerId(booked));
        assertThat(refunds).hasSize(1);
        assertThat(refunds.get(0).get("amount").get("value").asString()).isEqualTo("2500.50");
        var sent = YooKassaStandIn.requestsWithKeyPrefix(Settlement.refundKey(
                        Settlement.attemptKey(booked.appointment().id(), 1)))
                .get(0)
                .body();
        assertThat(sent.get("receipt")
                        .get("items")
                        .get(0)
                        .get("payment_subject")
                        .asString())
                .isEqualTo("service");
        assertThat(payment(booked).state()).isEqualTo(PaymentState.REFUNDED);

        // The event delivered again (a restart republishes it) refunds nothing more.
        settlement.cancelled(new org.medkarta.scheduling.AppointmentCancelled(
                booked.appointment().id(), booked.patient().patientId(), true, clock.instant()));
        assertThat(YooKassaStandIn.refundsOf(providerId(booked))).hasSize(1);

        var seen = body(getAs(
                identity.tokens().tokensFor(booked.patient()).accessToken(),
                "/api/v1/payments/" + payment(booked).id()));
        assertThat(seen.get("state").asString()).isEqualTo("REFUNDED");
        assertThat(seen.get("refunds").get(0).get("reason").asString()).isEqualTo("CLINIC_CANCELLED");
        assertThat(seen.get("refunds").get(0).get("status").asString()).isEqualTo("SUCCEEDED");

        var listed = desk.payments(admin, booked.clinic(), null, null);
        assertThat(listed).singleElement().satisfies(p -> assertThat(p.state()).isEqualTo(PaymentState.REFUNDED));
        String csv = desk.csv(admin, booked.clinic(), null, null);
        assertThat(csv)
                .contains(payment(booked).id().toString())
                .contains("2500.50")
                .contains("CLINIC_CANCELLED");
    }

    @Test
    void thePatientCancellingBeforeTheCutOffGetsEverythingBackAndAfterItNothing() {
        var early = paid();
        appointmentChanges.cancel(early.patient(), early.appointment().id());
        eventually(() -> assertThat(payment(early).state()).isEqualTo(PaymentState.REFUNDED));
        assertThat(ledger.refunds(payment(early).id()))
                .singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo("PATIENT_IN_TIME"));

        var late = paid();
        clock.freezeAt(late.appointment().start().minus(Duration.ofHours(2)));
        appointmentChanges.cancel(late.patient(), late.appointment().id());
        eventually(() -> assertThat(payment(late).state()).isEqualTo(PaymentState.FORFEITED));
        assertThat(YooKassaStandIn.refundsOf(providerId(late))).isEmpty();
    }

    @Test
    void theClinicsOwnCutOffDecides() {
        var booked = paid();
        var admin = TestStaff.administrator(identity, clinics, booked.clinic());
        desk.setRefundCutoffHours(admin, booked.clinic(), "1");
        clock.freezeAt(booked.appointment().start().minus(Duration.ofHours(2)));
        appointmentChanges.cancel(booked.patient(), booked.appointment().id());
        eventually(() -> assertThat(payment(booked).state()).isEqualTo(PaymentState.REFUNDED));
    }

    @Test
    void onlyTheClinicsAdministratorsAndRegistrarsSeeItsPayments() {
        var booked = paid();
        var registrar = TestStaff.registrar(identity, booked.clinic());
        assertThat(desk.payments(registrar, booked.clinic(), null, null)).hasSize(1);
        var other = TestClinics.register(clinics, "Другая клиника", "Europe/Moscow");
        var stranger = TestStaff.administrator(identity, clinics, other.id());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> desk.payments(stranger, booked.clinic(), null, null))
                .isInstanceOf(org.medkarta.shared.NotFound.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> desk.payments(booked.patient(), booked.clinic(), null, null))
                .isInstanceOf(org.medkarta.shared.NotFound.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> desk.setRefundCutoffHours(registrar, booked.clinic(), "5"))
                .isInstanceOf(org.medkarta.shared.NotFound.class);
    }

    @Test
    void aBookingByTheClinicsStaffHoldsNothing() {
        var booked = paidBooking(PRICE);
        var registrar = TestStaff.registrar(identity, booked.clinic());
        var slot = slotSearch
                .search(
                        booked.patient(),
                        new org.medkarta.scheduling.SlotQuery(
                                booked.doctor().id(),
                                null,
                                null,
                                null,
                                booked.appointment().end().plus(Duration.ofHours(1)),
                                null,
                                1,
                                0))
                .get(0);
        var byDesk = booking.book(
                registrar,
                new BookingRequest(slot.slotId(), booked.patient().patientId(), slot.serviceId(), null, null, true),
                "127.0.0.1");
        assertThat(ledger.ofAppointment(byDesk.id())).isEmpty();
    }

    // ---------------------------------------------------------------- booking leads on to paying

    /** A free slot of the booked doctor after the booked appointment, every other one so none overlap. */
    private org.medkarta.scheduling.OfferedSlot laterSlot(Booked booked, int nth) {
        return slotSearch
                .search(
                        booked.patient(),
                        new org.medkarta.scheduling.SlotQuery(
                                booked.doctor().id(),
                                null,
                                null,
                                null,
                                booked.appointment().end().plus(Duration.ofHours(1)),
                                null,
                                20,
                                0))
                .get(nth * 2);
    }

    private java.net.http.HttpResponse<String> bookByApi(Booked booked, org.medkarta.scheduling.OfferedSlot slot) {
        return post(
                "/api/v1/appointments",
                map(
                        "slotId",
                        slot.slotId().toString(),
                        "serviceId",
                        slot.serviceId().toString(),
                        "acceptClinicDocuments",
                        true),
                "Authorization",
                "Bearer " + booked.token());
    }

    @Test
    void bookingAPaidServiceLeadsStraightToPayingOnThePageAndInTheApi() {
        var booked = paidBooking(PRICE);

        var api = bookByApi(booked, laterSlot(booked, 0));
        assertThat(api.statusCode()).as(api.body()).isEqualTo(201);
        var held = ledger.ofAppointment(
                        java.util.UUID.fromString(body(api).get("id").asString()))
                .orElseThrow();
        var payment = body(api).get("payment");
        assertThat(payment.get("paymentId").asString()).isEqualTo(held.id().toString());
        assertThat(payment.get("state").asString()).isEqualTo("AWAITING_PAYMENT");
        assertThat(payment.get("confirmationUrl").asString()).startsWith("https://yoomoney.ru/checkout/");
        assertThat(java.time.Instant.parse(payment.get("holdUntil").asString())).isEqualTo(held.holdUntil());
        // Asking to pay again sends the patient to the same page: one payment at the provider.
        var again = post(
                "/api/v1/appointments/" + held.appointmentId() + "/payment",
                map(),
                "Authorization",
                "Bearer " + booked.token());
        assertThat(body(again).get("confirmationUrl").asString())
                .isEqualTo(payment.get("confirmationUrl").asString());
        assertThat(YooKassaStandIn.paymentsFor(Settlement.attemptKey(held.appointmentId(), 1)))
                .isEqualTo(1);

        // The provider down: the booking stands and says it waits for payment, with no page yet.
        YooKassaStandIn.failNext(1);
        var down = bookByApi(booked, laterSlot(booked, 1));
        assertThat(down.statusCode()).as(down.body()).isEqualTo(201);
        assertThat(body(down).get("payment").get("state").asString()).isEqualTo("AWAITING_PAYMENT");
        assertThat(body(down).get("payment").path("confirmationUrl").isNull()
                        || body(down).get("payment").path("confirmationUrl").isMissingNode())
                .isTrue();

        // The page sends the patient straight to YooKassa's page.
        String cookie = pageSession(booked.token());
        var slot = laterSlot(booked, 2);
        var page =
                pageForm(cookie, "/booking/slots/" + slot.slotId(), "serviceId=" + slot.serviceId() + "&accept=true");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).startsWith("https://yoomoney.ru/checkout/");
    }

    @Test
    void aFreeServiceBookedLeadsToTheAppointmentsAndCarriesNoPayment() {
        var booked = paidBooking(0);
        var api = bookByApi(booked, laterSlot(booked, 0));
        assertThat(api.statusCode()).as(api.body()).isEqualTo(201);
        assertThat(body(api).has("payment")).isFalse();
        var slot = laterSlot(booked, 1);
        var page = pageForm(
                pageSession(booked.token()),
                "/booking/slots/" + slot.slotId(),
                "serviceId=" + slot.serviceId() + "&accept=true");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/appointments?booked");
    }

    // ---------------------------------------------------------------- partial refunds

    private java.net.http.HttpResponse<String> refund(String token, java.util.UUID payment, Object amount) {
        return post(
                "/api/v1/payments/" + payment + "/refunds",
                amount == null ? map() : map("amount", amount),
                "Authorization",
                "Bearer " + token);
    }

    @Test
    void theClinicsAdministratorRefundsInPartsNeverMoreThanWasPaidAndTheRestGoesBackOnCancellation() {
        var booked = paid();
        var admin = TestStaff.administrator(identity, clinics, booked.clinic());
        String token = identity.tokens().tokensFor(admin).accessToken();
        var id = payment(booked).id();

        for (Object wrong : java.util.Arrays.asList(null, "", "сто", "0", "-5", "10.555", "2500.51", "99999999999")) {
            var refused = refund(token, id, wrong);
            assertThat(refused.statusCode()).as(wrong + ": " + refused.body()).isEqualTo(422);
            assertThat(body(refused).get("errors").get(0).get("field").asString())
                    .as(String.valueOf(wrong))
                    .isEqualTo("amount");
        }
        assertThat(body(refund(token, id, "2500.51")).get("detail").asString()).contains("2500.50");

        var part = refund(token, id, "1000,50");
        assertThat(part.statusCode()).as(part.body()).isEqualTo(200);
        assertThat(body(part).get("state").asString()).isEqualTo("PAID");
        assertThat(body(part).get("refundable").asString()).isEqualTo("1500.00");
        assertThat(body(part).get("refunds").get(0).get("reason").asString()).isEqualTo("STAFF_PARTIAL");
        assertThat(body(part).get("refunds").get(0).get("status").asString()).isEqualTo("SUCCEEDED");
        String paidTry = Settlement.attemptKey(booked.appointment().id(), 1);
        var sent = YooKassaStandIn.requestsWithKeyPrefix(paidTry + "-p1").get(0).body();
        assertThat(sent.get("amount").get("value").asString()).isEqualTo("1000.50");
        assertThat(sent.get("receipt")
                        .get("items")
                        .get(0)
                        .get("amount")
                        .get("value")
                        .asString())
                .isEqualTo("1000.50");
        var tooMuch = refund(token, id, "1500.01");
        assertThat(tooMuch.statusCode()).isEqualTo(422);
        assertThat(body(tooMuch).get("detail").asString()).contains("1500.00");

        // Only the clinic's administrator gives money back.
        var registrar = TestStaff.registrar(identity, booked.clinic());
        assertThat(refund(identity.tokens().tokensFor(registrar).accessToken(), id, "1")
                        .statusCode())
                .isEqualTo(404);
        assertThat(refund(booked.token(), id, "1").statusCode()).isEqualTo(404);
        var stranger = TestStaff.administrator(
                identity,
                clinics,
                TestClinics.register(clinics, "Чужая клиника", "Europe/Moscow").id());
        assertThat(refund(identity.tokens().tokensFor(stranger).accessToken(), id, "1")
                        .statusCode())
                .isEqualTo(404);
        assertThat(post("/api/v1/payments/" + id + "/refunds", map("amount", "1"))
                        .statusCode())
                .isEqualTo(401);

        // The page shows a wrong amount beside its field, and refunds a right one.
        String cookie = pageSession(token);
        String form = "/admin/clinics/" + booked.clinic().value() + "/payments/" + id + "/refund";
        var wrongOnPage = pageForm(cookie, form, "amount=9999");
        assertThat(wrongOnPage.statusCode()).isEqualTo(200);
        assertThat(wrongOnPage.body()).contains("is-invalid").contains("Нельзя вернуть больше");
        var rightOnPage = pageForm(cookie, form, "amount=100");
        assertThat(rightOnPage.statusCode()).as(rightOnPage.body()).isEqualTo(302);
        assertThat(payment(booked).state()).isEqualTo(PaymentState.PAID);

        // The clinic cancels: what is left goes back, not the whole price again.
        appointmentChanges.cancel(
                TestCare.signedIn(booked.doctor()), booked.appointment().id());
        eventually(() -> assertThat(payment(booked).state()).isEqualTo(PaymentState.REFUNDED));
        var refunds = YooKassaStandIn.refundsOf(providerId(booked));
        assertThat(refunds).hasSize(3);
        assertThat(refunds.stream()
                        .map(r -> new java.math.BigDecimal(
                                r.get("amount").get("value").asString()))
                        .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add))
                .isEqualByComparingTo("2500.50");
        assertThat(ledger.givenBack(paidTry, true)).isEqualTo(PRICE);
        var nothingLeft = refund(token, id, "1");
        assertThat(nothingLeft.statusCode()).isEqualTo(409);
        assertThat(problem(nothingLeft)).isEqualTo("payment-not-refundable");
    }

    @Test
    void refundingAllOfItInPartsClosesThePaymentAndACancellationLaterRefundsNothingMore() {
        var booked = paid();
        String token = identity.tokens()
                .tokensFor(TestStaff.administrator(identity, clinics, booked.clinic()))
                .accessToken();
        var id = payment(booked).id();
        assertThat(refund(token, id, "2000").statusCode()).isEqualTo(200);
        assertThat(payment(booked).state()).isEqualTo(PaymentState.PAID);
        var last = refund(token, id, "500.50");
        assertThat(body(last).get("state").asString())
                .as(ledger.refunds(id) + " back "
                        + ledger.givenBack(payment(booked).paidAttempt(), true) + " of " + payment(booked))
                .isEqualTo("REFUNDED");
        assertThat(body(last).get("refundable").asString()).isEqualTo("0.00");
        settlement.cancelled(new org.medkarta.scheduling.AppointmentCancelled(
                booked.appointment().id(), booked.patient().patientId(), true, clock.instant()));
        assertThat(YooKassaStandIn.refundsOf(providerId(booked))).hasSize(2);
        assertThat(ledger.refunds(id)).hasSize(2);
    }

    // ---------------------------------------------------------------- the staff's payments, Moscow time

    @Test
    void theStaffPaymentsApiListsFiltersAndExportsAsThePageDoesInMoscowTime() {
        var booked = paid();
        String registrar = identity.tokens()
                .tokensFor(TestStaff.registrar(identity, booked.clinic()))
                .accessToken();
        String list = "/api/v1/clinics/" + booked.clinic().value() + "/payments";
        var all = getAs(registrar, list);
        assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
        assertThat(body(all)).singleElement().satisfies(p -> {
            assertThat(p.get("id").asString()).isEqualTo(payment(booked).id().toString());
            assertThat(p.get("state").asString()).isEqualTo("PAID");
            assertThat(p.get("amount").asString()).isEqualTo("2500.50");
            assertThat(p.get("createdAt").asString()).endsWith("+03:00");
            assertThat(p.get("appointmentStart").asString()).endsWith("+03:00");
        });
        assertThat(body(getAs(registrar, list + "?state=paid"))).hasSize(1);
        assertThat(body(getAs(registrar, list + "?state=REFUNDED"))).isEmpty();
        for (String wrong : List.of("state=SPENT", "from=2026-13-01", "from=2026-12-10&to=2026-12-01")) {
            var refused = getAs(registrar, list + "?" + wrong);
            assertThat(refused.statusCode()).as(wrong).isEqualTo(422);
            assertThat(body(refused).get("errors").get(0).get("field").asString())
                    .isEqualTo(wrong.substring(0, wrong.indexOf('=')));
        }
        var csv = get(list + ".csv?state=PAID", "Authorization", "Bearer " + registrar);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        var moscow = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        assertThat(csv.body())
                .contains(payment(booked).id().toString())
                .contains(moscow.format(payment(booked).createdAt().atZone(PaymentDesk.MOSCOW)));

        var stranger = TestStaff.administrator(
                identity,
                clinics,
                TestClinics.register(clinics, "Чужая клиника", "Europe/Moscow").id());
        assertThat(getAs(identity.tokens().tokensFor(stranger).accessToken(), list)
                        .statusCode())
                .isEqualTo(404);
        assertThat(getAs(booked.token(), list).statusCode()).isEqualTo(404);
        assertThat(get(list).statusCode()).isEqualTo(401);

        // The patient's page and the desk show Moscow time, labelled so, whatever the server's zone.
        var shown = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
        var page = get("/payments/" + payment(booked).id(), "Cookie", pageSession(booked.token()));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(shown.format(booked.appointment().start().atZone(PaymentDesk.MOSCOW)) + " (МСК)")
                .contains(shown.format(payment(booked).paidAt().atZone(PaymentDesk.MOSCOW)) + " (МСК)");
        var desk = get(
                "/admin/clinics/" + booked.clinic().value() + "/payments?state=PAID", "Cookie", pageSession(registrar));
        assertThat(desk.statusCode()).isEqualTo(200);
        assertThat(desk.body())
                .contains(shown.format(payment(booked).createdAt().atZone(PaymentDesk.MOSCOW)) + " (МСК)")
                .contains("id=\"nav-payments\"");
    }

    // ---------------------------------------------------------------- the notification allow-list

    @Autowired
    Checkout checkout;

    @Test
    void aNotificationFromOutsideYooKassasPublishedNetworksIsRefusedAndFromInsideHeard() {
        // The networks YooKassa publishes for its notifications (yookassa.ru/developers, «Входящие уведомления»),
        // as the production profile sets them by default.
        var published = productionAllowList();
        assertThat(published)
                .containsExactly(
                        "185.71.76.0/27",
                        "185.71.77.0/27",
                        "77.75.153.0/25",
                        "77.75.156.11",
                        "77.75.156.35",
                        "77.75.154.128/25",
                        "2a02:5180::/32");
        var shop = new PaymentProperties.YooKassaShop(
                YooKassaStandIn.url(),
                YooKassaStandIn.SHOP_ID,
                YooKassaStandIn.SECRET_KEY,
                Duration.ofSeconds(5),
                published);
        var webhooks = new PaymentWebhooks(new YooKassa(shop), settlement, checkout);
        var booked = paidBooking(PRICE);
        pay(booked);
        YooKassaStandIn.succeed(providerId(booked));
        byte[] notification = ("{\"type\":\"notification\",\"event\":\"payment.succeeded\",\"object\":{\"id\":\""
                        + providerId(booked) + "\"}}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (String outside : List.of("8.8.8.8", "185.71.76.32", "77.75.156.12", "127.0.0.1", "2a02:5181::1", "")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> webhooks.receive("yookassa", notification, outside))
                    .as(outside)
                    .isInstanceOfSatisfying(
                            PaymentRefusal.class,
                            refused -> assertThat(refused.problem()).isEqualTo("payment-webhook-untrusted"));
        }
        assertThat(payment(booked).state()).isEqualTo(PaymentState.AWAITING_PAYMENT);
        assertThat(webhooks.receive("yookassa", notification, "185.71.76.31")
                        .payment()
                        .orElseThrow()
                        .state())
                .isEqualTo(PaymentState.PAID);
        assertThat(webhooks.receive("yookassa", notification, "2a02:5180::7").event())
                .isEqualTo("payment.succeeded");
    }

    private static List<String> productionAllowList() {
        try {
            var sources = new org.springframework.core.env.MutablePropertySources();
            new org.springframework.boot.env.YamlPropertySourceLoader()
                    .load("prod", new org.springframework.core.io.ClassPathResource("application-prod.yaml"))
                    .forEach(sources::addLast);
            String list = new org.springframework.core.env.PropertySourcesPropertyResolver(sources)
                    .getRequiredProperty("medkarta.payment.yookassa.allowed-addresses");
            return java.util.Arrays.stream(list.split(",")).map(String::strip).toList();
        } catch (java.io.IOException unreadable) {
            throw new java.io.UncheckedIOException(unreadable);
        }
    }
}
