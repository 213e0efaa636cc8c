package org.medkarta.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.medkarta.identity.AccountClosure;
import org.medkarta.notification.OutboundMessage;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.PatientId;
import org.medkarta.testing.Outbox;
import org.medkarta.testing.Phones;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Closing a patient's account (SPEC A9, issue 20): confirmed by a one-time code, it stops sign-in,
 * sessions, tokens and every grant at once, cancels future appointments through the ordinary path,
 * keeps the record for the retention period and frees the phone for a new, separate account.
 */
class AccountClosureIT extends AccessSupport {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @Autowired
    AccountClosure closure;

    @Test
    void theCodeSentToThePhoneClosesTheAccountAndItsTokensRefreshTokensSessionsAndSignInStopAtOnce() {
        var owner = patient("Закрытова", "Анна");
        var tokens = identity.tokens().tokensFor(owner.user());
        String cookie = session(tokens.accessToken());
        assertThat(get("/profile", "Cookie", cookie).statusCode()).isEqualTo(200);

        var sent = postAs(tokens.accessToken(), "/api/v1/me/close", map());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        assertThat(body(sent).get("expiresInSeconds").asLong()).isEqualTo(900);
        String code = closeCode(owner.phone());

        var wrong = postAs(tokens.accessToken(), "/api/v1/me/close", map("code", other(code)));
        assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(422);
        assertThat(body(wrong).get("errors").get(0).get("field").asString()).isEqualTo("code");
        var malformed = postAs(tokens.accessToken(), "/api/v1/me/close", map("code", "12ab"));
        assertThat(malformed.statusCode()).isEqualTo(422);
        assertThat(status(owner)).isEqualTo("ACTIVE");

        long seq = lastAuditSeq();
        var closed = postAs(tokens.accessToken(), "/api/v1/me/close", map("code", code));
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Moscow"));
        assertThat(body(closed).get("recordRetainedUntil").asString())
                .isEqualTo(today.plusYears(25).toString());
        assertThat(body(closed).get("retentionYears").asLong()).isEqualTo(25);

        // The access token is refused at once, long before its 15 minutes end; so is the refresh token.
        var me = getAs(tokens.accessToken(), "/api/v1/me");
        assertThat(me.statusCode()).isEqualTo(401);
        var refreshed = post("/api/v1/auth/refresh", map("refreshToken", tokens.refreshToken()));
        assertThat(refreshed.statusCode()).isEqualTo(401);
        assertThat(problem(refreshed)).isEqualTo("invalid-token");
        // The browser session is gone: the profile sends to sign-in.
        var profile = get("/profile", "Cookie", cookie);
        assertThat(profile.statusCode()).isEqualTo(302);
        assertThat(profile.headers().firstValue("Location").orElseThrow()).contains("/sign-in");
        // Sign-in by code: the same answer as for an unknown phone, and no SMS.
        int had = outbox.sentTo(owner.phone()).size();
        clock.advance(Duration.ofSeconds(61));
        var code2 = post("/api/v1/auth/otp", map("phone", owner.phone()));
        assertThat(code2.statusCode()).isEqualTo(202);
        assertThat(Outbox.to(outbox, owner.phone(), had)).hasSize(had);

        var row = jdbc.sql("""
                        SELECT status, phone, email, closed_phone, closed_at, retain_until FROM identity_account
                        WHERE id = :id
                        """)
                .param("id", owner.user().userId().value())
                .query((r, n) -> List.of(
                        r.getString("status"),
                        String.valueOf(r.getString("phone")),
                        String.valueOf(r.getString("email")),
                        r.getString("closed_phone"),
                        String.valueOf(r.getObject("closed_at") != null),
                        r.getObject("retain_until", LocalDate.class).toString()))
                .single();
        assertThat(row)
                .containsExactly(
                        "CLOSED",
                        "null",
                        "null",
                        owner.phone(),
                        "true",
                        today.plusYears(25).toString());
        // The audit shows the closure, of that record, by its patient.
        var audited = jdbc.sql("""
                        SELECT action, patient_id, resource FROM audit_event
                        WHERE seq > :seq AND actor_id = :actor AND action = 'ACCOUNT_CLOSED'
                        """)
                .param("seq", seq)
                .param("actor", owner.user().userId().value())
                .query((r, n) -> r.getObject("patient_id", UUID.class) + " " + r.getString("resource"))
                .list();
        assertThat(audited).containsExactly(owner.patient().value() + " retained until " + today.plusYears(25));
    }

    @Test
    void aCodeIsForClosingAloneSingleUseAndVoidAfterFifteenMinutesOrFiveWrongTries() {
        var owner = patient("Кодова", "Алла");
        String token = owner.token();
        assertThat(postAs(token, "/api/v1/me/close", map()).statusCode()).isEqualTo(202);
        String code = closeCode(owner.phone());
        // A sign-in code is not a closing code, nor the reverse.
        assertThat(post("/api/v1/auth/otp/verify", map("phone", owner.phone(), "code", code))
                        .statusCode())
                .isNotEqualTo(200);

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        var late = postAs(again(owner).token(), "/api/v1/me/close", map("code", code));
        assertThat(late.statusCode()).isEqualTo(422);
        assertThat(late.body()).contains("устарел");

        var fresh = again(owner).token();
        assertThat(postAs(fresh, "/api/v1/me/close", map()).statusCode()).isEqualTo(202);
        String second = closeCode(owner.phone());
        for (int i = 0; i < 5; i++) {
            assertThat(postAs(fresh, "/api/v1/me/close", map("code", other(second)))
                            .statusCode())
                    .isEqualTo(422);
        }
        var voided = postAs(fresh, "/api/v1/me/close", map("code", second));
        assertThat(voided.statusCode()).isEqualTo(422);
        assertThat(status(owner)).isEqualTo("ACTIVE");

        var tooSoon = postAs(fresh, "/api/v1/me/close", map());
        assertThat(tooSoon.statusCode()).isEqualTo(202);
        var again = postAs(fresh, "/api/v1/me/close", map());
        assertThat(again.statusCode()).isEqualTo(429);
        assertThat(problem(again)).isEqualTo("resend-too-soon");
    }

    @Test
    void thePageExplainsTheClosureAndTheRetentionInRussianAndEnglish() {
        var owner = patient();
        String cookie = session(owner.token());
        var page = get("/profile/close", "Cookie", cookie);
        assertThat(page.statusCode()).isEqualTo(200);
        LocalDate until =
                LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Moscow")).plusYears(25);
        String date = String.format("%02d.%02d.%d", until.getDayOfMonth(), until.getMonthValue(), until.getYear());
        assertThat(page.body())
                .contains("Закрыть учётную запись")
                .contains("25 лет")
                .contains(date);
        var english = get("/profile/close", "Cookie", cookie + "; medkarta-lang=en");
        assertThat(english.body())
                .contains("Close my account")
                .contains("25 years")
                .contains(date);
    }

    @Test
    void everyGrantThePatientGaveOrHoldsAndTheirRepresentationOfAChildEndAtOnce() {
        var owner = patient("Дарителева", "Ольга");
        var relative = patient("Родственникова", "Нина");
        var third = patient("Третьякова", "Вера");
        UUID given = grant(owner, owner.patient(), relative, "FULL");
        UUID held = grant(third, third.patient(), owner, "VIEW");
        PatientId child = child(owner, LocalDate.now().minusYears(6));
        String ownerRecord = "/api/v1/patients/" + owner.id() + "/record";
        assertThat(getAs(relative.token(), ownerRecord).statusCode()).isEqualTo(200);
        assertThat(getAs(owner.token(), "/api/v1/patients/" + child.value() + "/record")
                        .statusCode())
                .isEqualTo(200);

        closeWithCode(owner);

        var refused = getAs(relative.token(), ownerRecord);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).doesNotContain("Дарителева");
        assertThat(grantStatus(given)).isEqualTo("REVOKED");
        assertThat(grantStatus(held)).isEqualTo("REVOKED");
        assertThat(jdbc.sql("""
                                SELECT count(*) FROM access_guardianship
                                WHERE parent_user_id = :parent AND ended_at IS NULL
                                """)
                        .param("parent", owner.user().userId().value())
                        .query(Integer.class)
                        .single())
                .isZero();
        // The third patient's own access is untouched.
        assertThat(getAs(third.token(), "/api/v1/patients/" + third.id() + "/record")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void futureAppointmentsAreCancelledTheSlotFreedPatientAndDoctorToldAndTheCaringDoctorStillSeesTheRecord() {
        var clinic = clinic();
        var doctor = doctor(clinic);
        openSchedule(doctor, clinic);
        var owner = patient("Записанова", "Ирина");
        String past = book(owner, doctor, 0);
        var pastStart = appointmentStart(past);
        clock.freezeAt(pastStart.plus(Duration.ofHours(1)));
        var fresh = again(owner);
        String future = book(fresh, doctor, 0);
        UUID futureSlot = slotOf(future);

        closeWithCode(fresh);

        assertThat(appointmentStatus(future)).isEqualTo("CANCELLED");
        assertThat(appointmentStatus(past)).isEqualTo("BOOKED");
        var slots = getAs(
                again(patient()).token(),
                "/api/v1/slots?doctorId=" + doctor.view().id().value() + "&limit=100");
        assertThat(slots.body()).contains(futureSlot.toString());
        assertThat(noticeTitles(owner.user().userId().value())).contains("Запись отменена");
        assertThat(noticeTitles(doctor.user().userId().value())).contains("Пациент закрыл учётную запись");
        // The record stays, and the doctor who cared for the patient still reads it.
        var record = getAs(
                identity.tokens().tokensFor(doctor.user()).accessToken(), "/api/v1/patients/" + owner.id() + "/record");
        assertThat(record.statusCode()).as(record.body()).isEqualTo(200);
        // A doctor of another clinic still does not.
        var stranger = doctor(clinic());
        assertThat(getAs(stranger.token(), "/api/v1/patients/" + owner.id() + "/record")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void thePhoneAndEmailAreFreedForANewAccountThatDoesNotSeeTheOldRecordWhichStaffStillFindByThePhone() {
        String phone = Phones.unique();
        var owner = patient("Повторова", "Екатерина", phone);
        String email = jdbc.sql("SELECT email FROM identity_account WHERE id = :id")
                .param("id", owner.user().userId().value())
                .query(String.class)
                .single();
        closeWithCode(owner);

        var again = identity.registration()
                .register(
                        new org.medkarta.identity.PatientRegistration(
                                "Повторова",
                                "Екатерина",
                                null,
                                phone,
                                "1980-01-02",
                                email,
                                identity.registration().termsVersion()),
                        CLIENT,
                        "http://localhost",
                        Locale.ENGLISH);
        assertThat(again.patientId()).isNotEqualTo(owner.patient());
        assertThat(again.userId()).isNotEqualTo(owner.user().userId());
        clock.advance(Duration.ofSeconds(61));
        assertThat(post("/api/v1/auth/otp", map("phone", phone)).statusCode()).isEqualTo(202);
        var signedIn = post("/api/v1/auth/otp/verify", map("phone", phone, "code", Outbox.latestCode(outbox, phone)));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        String token = body(signedIn).get("accessToken").asString();
        var me = getAs(token, "/api/v1/me");
        assertThat(body(me).get("patientId").asString())
                .isEqualTo(again.patientId().value().toString());
        assertThat(me.body()).doesNotContain(owner.id());
        var old = getAs(token, "/api/v1/patients/" + owner.id() + "/record");
        assertThat(old.statusCode()).isEqualTo(404);

        // The clinic's registrar finds both records by the phone: the new one and the closed one.
        var clinic = clinic();
        var registrar = registrar(clinic);
        var found = getAs(registrar.token(), "/api/v1/booking/patients?query=" + phone.replace("+", "%2B"));
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(found.body())
                .contains(owner.id())
                .contains(again.patientId().value().toString());
    }

    @Test
    void aDoubleSubmissionClosesTheAccountOnceWithOneAuditEntry() throws Exception {
        var owner = patient("Дважды", "Олег");
        assertThat(postAs(owner.token(), "/api/v1/me/close", map()).statusCode())
                .isEqualTo(202);
        String code = closeCode(owner.phone());
        var start = new CountDownLatch(1);
        Callable<String> attempt = () -> {
            start.await();
            try {
                closure.close(owner.user(), code, Locale.forLanguageTag("ru"));
                return "closed";
            } catch (DomainException refused) {
                return refused.problem();
            }
        };
        var results = new ArrayList<String>();
        var pool = Executors.newFixedThreadPool(4);
        try {
            var futures =
                    List.of(pool.submit(attempt), pool.submit(attempt), pool.submit(attempt), pool.submit(attempt));
            start.countDown();
            for (var future : futures) {
                results.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(results).filteredOn("closed"::equals).hasSize(1);
        assertThat(results).filteredOn(result -> !result.equals("closed")).allMatch("not-found"::equals);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE actor_id = :actor AND action = 'ACCOUNT_CLOSED'")
                        .param("actor", owner.user().userId().value())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aConfirmedAddressIsToldThatTheRecordIsKeptAndUntilWhen() {
        var owner = patient("Почтова", "Ева");
        String email = jdbc.sql("SELECT email FROM identity_account WHERE id = :id")
                .param("id", owner.user().userId().value())
                .query(String.class)
                .single();
        String link = Outbox.latestLink(outbox, email);
        assertThat(get(link.substring(link.indexOf("/register"))).statusCode()).isLessThan(400);

        closeWithCode(owner);

        LocalDate until =
                LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Moscow")).plusYears(25);
        var mail = Outbox.to(outbox, email, 2).stream()
                .filter(message ->
                        message.subject() != null && message.subject().contains("закрыта"))
                .findFirst()
                .orElseThrow();
        assertThat(mail.body())
                .contains(String.format("%02d.%02d.%d", until.getDayOfMonth(), until.getMonthValue(), until.getYear()))
                .contains("25 лет");
    }

    @Test
    void aParentClosingCancelsWhatTheyBookedForTheirChildWhoseRecordStaysAndTheDeskCannotBookTheClosedAccount() {
        var clinic = clinic();
        var doctor = doctor(clinic);
        openSchedule(doctor, clinic);
        var parent = patient("Родителева", "Мария");
        PatientId child = child(
                parent,
                LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Moscow")).minusYears(6));
        String own = book(parent, doctor, 0);
        String childs = bookFor(parent, child, doctor, 2);

        closeWithCode(parent);

        assertThat(appointmentStatus(own)).isEqualTo("CANCELLED");
        assertThat(appointmentStatus(childs)).isEqualTo("CANCELLED");
        assertThat(noticeTitles(doctor.user().userId().value())).contains("Пациент закрыл учётную запись");
        // The child's record is not closed: the clinic's desk still books the child.
        assertThat(jdbc.sql("SELECT status FROM identity_account WHERE patient_id = :child")
                        .param("child", child.value())
                        .query(String.class)
                        .list())
                .doesNotContain("CLOSED");
        var registrar = registrar(clinic);
        var slots = body(getAs(
                registrar.token(),
                "/api/v1/slots?doctorId=" + doctor.view().id().value() + "&limit=100"));
        var closedOne = postAs(
                registrar.token(),
                "/api/v1/appointments",
                map(
                        "slotId",
                        slots.get(10).get("id").asString(),
                        "patientId",
                        parent.id(),
                        "acceptClinicDocuments",
                        true));
        assertThat(closedOne.statusCode()).as(closedOne.body()).isEqualTo(409);
        assertThat(problem(closedOne)).isEqualTo("patient-account-closed");
        assertThat(body(closedOne).get("detail").asString()).contains("закрыл учётную запись");
        assertThat(appointmentsOf(parent.id())).isEqualTo(1);
        var childBooked = postAs(
                registrar.token(),
                "/api/v1/appointments",
                map(
                        "slotId",
                        slots.get(12).get("id").asString(),
                        "patientId",
                        child.value().toString(),
                        "acceptClinicDocuments",
                        true));
        assertThat(childBooked.statusCode()).as(childBooked.body()).isEqualTo(201);
    }

    // ---------------------------------------------------------------- helpers

    /** Books the n-th free slot of the doctor for someone the booker acts for; the appointment's id. */
    private String bookFor(Person booker, PatientId patient, Doctor doctor, int nth) {
        var slots = getAs(
                booker.token(), "/api/v1/slots?doctorId=" + doctor.view().id().value() + "&limit=100");
        var ahead = new ArrayList<String>();
        for (var slot : body(slots)) {
            if (Instant.parse(slot.get("start").asString())
                    .isAfter(clock.instant().plus(Duration.ofMinutes(30)))) {
                ahead.add(slot.get("id").asString());
            }
        }
        var booked = postAs(
                booker.token(),
                "/api/v1/appointments",
                map("slotId", ahead.get(nth), "patientId", patient.value().toString(), "acceptClinicDocuments", true));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        return body(booked).get("id").asString();
    }

    private int appointmentsOf(String patient) {
        return jdbc.sql("SELECT count(*) FROM scheduling_appointment WHERE patient_id = :patient")
                .param("patient", UUID.fromString(patient))
                .query(Integer.class)
                .single();
    }

    private void closeWithCode(Person owner) {
        var sent = postAs(owner.token(), "/api/v1/me/close", map());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        var closed = postAs(owner.token(), "/api/v1/me/close", map("code", closeCode(owner.phone())));
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
    }

    /** The newest closing code SMSed to the phone. */
    private String closeCode(String phone) {
        return Outbox.to(outbox, phone, 1).stream()
                .map(OutboundMessage::body)
                .filter(text -> text.contains("закрыт") || text.contains("close"))
                .findFirst()
                .map(text -> {
                    var matcher = CODE.matcher(text);
                    assertThat(matcher.find()).isTrue();
                    return matcher.group(1);
                })
                .orElseThrow();
    }

    private static String other(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    private String status(Person person) {
        return jdbc.sql("SELECT status FROM identity_account WHERE id = :id")
                .param("id", person.user().userId().value())
                .query(String.class)
                .single();
    }

    private String grantStatus(UUID grant) {
        return jdbc.sql("SELECT status FROM access_grant WHERE id = :id")
                .param("id", grant)
                .query(String.class)
                .single();
    }

    /** Books the n-th free slot of the doctor as the patient; the appointment's id. */
    private String book(Person patient, Doctor doctor, int nth) {
        var slots = getAs(
                patient.token(), "/api/v1/slots?doctorId=" + doctor.view().id().value() + "&limit=100");
        assertThat(slots.statusCode()).as(slots.body()).isEqualTo(200);
        var ahead = new ArrayList<String>();
        for (var slot : body(slots)) {
            if (Instant.parse(slot.get("start").asString())
                    .isAfter(clock.instant().plus(Duration.ofMinutes(30)))) {
                ahead.add(slot.get("id").asString());
            }
        }
        var booked = postAs(
                patient.token(), "/api/v1/appointments", map("slotId", ahead.get(nth), "acceptClinicDocuments", true));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        return body(booked).get("id").asString();
    }

    private Instant appointmentStart(String appointment) {
        return jdbc.sql("SELECT starts_at FROM scheduling_appointment WHERE id = :id")
                .param("id", UUID.fromString(appointment))
                .query((r, n) -> org.medkarta.shared.Columns.instant(r, "starts_at"))
                .single();
    }

    private String appointmentStatus(String appointment) {
        return jdbc.sql("SELECT status FROM scheduling_appointment WHERE id = :id")
                .param("id", UUID.fromString(appointment))
                .query(String.class)
                .single();
    }

    private UUID slotOf(String appointment) {
        return jdbc.sql("SELECT slot_id FROM scheduling_appointment WHERE id = :id")
                .param("id", UUID.fromString(appointment))
                .query(UUID.class)
                .single();
    }

    private List<String> noticeTitles(UUID user) {
        return jdbc.sql("SELECT title FROM notification_notice WHERE user_id = :user")
                .param("user", user)
                .query(String.class)
                .list();
    }
}
