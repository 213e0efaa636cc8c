package org.medkarta.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.Fixtures.TestClinic;
import org.medkarta.scheduling.Fixtures.TestDoctor;
import org.medkarta.scheduling.Fixtures.TestPatient;
import org.medkarta.testing.TestStaff;

/**
 * The doctor's referrals section (issue 23, seed 004 «Направления»): the referrals a doctor issued
 * with their state, issuing one outside a consultation to a patient in care, cancelling it, and a
 * registrar's paper referral that unlocks booking like an electronic one (SPEC C4).
 */
class ReferralDeskIT extends SchedulingSupport {

    @org.springframework.beans.factory.annotation.Autowired
    org.medkarta.notification.DevOutbox outbox;

    /** A clinic with a therapist who refers and a cardiologist seen by referral only. */
    private record Desk(TestClinic clinic, TestDoctor therapist, TestDoctor cardiologist, List<String> slots) {}

    private Desk desk() {
        var clinic = clinic("Europe/Moscow");
        var therapist = doctor(clinic, "therapist", "REGION");
        var cardiologist = doctor(clinic, "cardiologist", "REFERRAL");
        activeTemplate(clinic, cardiologist, "09:00", "12:00");
        var slots = new ArrayList<String>();
        freeSlots(cardiologist.token(), cardiologist)
                .forEach(slot -> slots.add(slot.get("id").asString()));
        return new Desk(clinic, therapist, cardiologist, slots);
    }

    /** A patient the desk's clinic cares for: referred to its therapist (SPEC F4). */
    private TestPatient inCare(Desk desk) {
        var patient = patient();
        patientReferrals.issueReferral(
                patient.account().patientId(),
                "therapist",
                desk.therapist().view().id(),
                clock.instant().plus(Duration.ofDays(30)),
                null);
        return patient;
    }

    /** A fresh token of the doctor, after the clock moved past the old one's life. */
    private String tokenOf(TestDoctor doctor, TestClinic clinic) {
        return identity.tokens()
                .tokensFor(new SignedInUser(
                        doctor.view().userId(),
                        "Doctor",
                        null,
                        List.of(new RoleGrant(Role.DOCTOR, clinic.id())),
                        "PASSWORD"))
                .accessToken();
    }

    /** A browser session of the token's holder: the cookie to send with page requests. */
    private String session(String token) {
        var signedIn = get("/test/token-sign-in?token=" + token + "&continue=/");
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        return signedIn.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.split(";", 2)[0])
                .filter(cookie -> !cookie.startsWith("medkarta-lang"))
                .findFirst()
                .orElseThrow();
    }

    private HttpResponse<String> page(String token, String path) {
        return get(path, "Cookie", session(token));
    }

    private HttpResponse<String> issue(String token, TestPatient patient, Object... more) {
        var body = map(
                "patientId",
                patient.id(),
                "specialty",
                "cardiologist",
                "validUntil",
                LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Europe/Moscow"))
                        .plusDays(14)
                        .toString(),
                "reason",
                "Боли в груди при нагрузке");
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return postAs(token, "/api/v1/referrals/issued", body);
    }

    private HttpResponse<String> bookWith(TestPatient patient, String slot, String referral) {
        var body = map("slotId", slot, "acceptClinicDocuments", true);
        if (referral != null) {
            body.put("referralId", referral);
        }
        return postAs(patient.token(), "/api/v1/appointments", body);
    }

    private List<String> listed(String token, String state) {
        var found = getAs(token, "/api/v1/referrals/issued" + (state == null ? "" : "?state=" + state));
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        return body(found).get("items").findValuesAsString("id");
    }

    @Test
    void aDoctorIssuesAReferralToAPatientInCareWhichUnlocksBookingAndIsThenListedAsUsed() {
        var desk = desk();
        var patient = inCare(desk);
        assertThat(bookWith(patient, desk.slots().get(0), null).statusCode()).isEqualTo(403);

        int before = referralSms(patient, 0).size();
        var issued = issue(desk.therapist().token(), patient);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String id = body(issued).get("id").asString();
        assertThat(body(issued).get("state").asString()).isEqualTo("ISSUED");
        assertThat(body(issued).get("patientName").asString()).startsWith("Пациентов Пётр");
        assertThat(body(issued).get("reason").asString()).isEqualTo("Боли в груди при нагрузке");
        // The patient is told by SMS, as for a referral from a consultation: no specialty, no reason.
        var told = referralSms(patient, before + 1);
        assertThat(told).hasSize(before + 1);
        assertThat(told.get(0).body()).doesNotContain("Боли").doesNotContain("кардиолог");
        assertThat(listed(desk.therapist().token(), "ISSUED")).containsExactly(id);
        assertThat(freeSlots(patient.token(), desk.cardiologist())).isNotEmpty();

        var booked = bookWith(patient, desk.slots().get(0), null);
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        assertThat(body(booked).get("referralId").asString()).isEqualTo(id);
        assertThat(listed(desk.therapist().token(), "USED")).containsExactly(id);
        assertThat(listed(desk.therapist().token(), "ISSUED")).isEmpty();
        var used = getAs(desk.therapist().token(), "/api/v1/referrals/issued?state=USED");
        assertThat(body(used).get("items").get(0).get("appointmentId").asString())
                .isEqualTo(body(booked).get("id").asString());
        // A used referral cannot be cancelled.
        var late = postAs(desk.therapist().token(), "/api/v1/referrals/" + id + "/cancel", map());
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(problem(late)).isEqualTo("referral-not-active");
    }

    @Test
    void aPatientNotInTheDoctorsCareAnswers404AndOnlyDoctorsAndRegistrarsHaveADesk() {
        var desk = desk();
        var stranger = patient();
        var refused = issue(desk.therapist().token(), stranger);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(404);
        assertThat(problem(refused)).isEqualTo("not-found");
        assertThat(refused.body()).doesNotContain("Пациентов");
        // A patient of another clinic is no patient of this one.
        var elsewhere = desk();
        assertThat(issue(desk.therapist().token(), inCare(elsewhere)).statusCode())
                .isEqualTo(404);
        // A patient has no desk and issues nothing.
        assertThat(getAs(stranger.token(), "/api/v1/referrals/issued").statusCode())
                .isEqualTo(404);
        assertThat(issue(stranger.token(), stranger).statusCode()).isEqualTo(404);
        assertThat(get("/api/v1/referrals/issued", "Accept", "application/json").statusCode())
                .isEqualTo(401);
    }

    @Test
    void everyWrongFieldIsNamed() {
        var desk = desk();
        var patient = inCare(desk);
        String token = desk.therapist().token();
        var wrong = issue(
                token,
                patient,
                "specialty",
                "astrologer",
                "validUntil",
                "2020-01-01",
                "reason",
                " ",
                "doctorId",
                "not-an-id");
        assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(422);
        assertThat(problem(wrong)).isEqualTo("invalid-input");
        assertThat(body(wrong).get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("specialty", "validUntil", "reason", "doctorId");
        var wrongDoctor = issue(token, patient, "doctorId", desk.therapist().id());
        assertThat(body(wrongDoctor).get("errors").findValuesAsString("field")).containsExactly("doctorId");
        var noDate = issue(token, patient, "validUntil", "31.12.2026");
        assertThat(body(noDate).get("errors").findValuesAsString("field")).containsExactly("validUntil");
        var noPatient = issue(token, patient, "patientId", "");
        assertThat(body(noPatient).get("errors").findValuesAsString("field")).containsExactly("patientId");
        var badState = getAs(token, "/api/v1/referrals/issued?state=LOST");
        assertThat(badState.statusCode()).isEqualTo(422);
        assertThat(getAs(token, "/api/v1/referrals/issued?size=0").statusCode()).isEqualTo(422);
        assertThat(getAs(token, "/api/v1/referrals/issued?page=-1").statusCode())
                .isEqualTo(422);
        assertThat(listed(token, null)).isEmpty();

        var named = issue(token, patient, "doctorId", desk.cardiologist().id(), "openEnded", true, "validUntil", null);
        assertThat(named.statusCode()).as(named.body()).isEqualTo(201);
        assertThat(body(named).get("validUntil").isNull()).isTrue();
        assertThat(body(named).get("doctorName").asString()).isNotBlank();
    }

    @Test
    void aReferralPastItsValidityIsListedAsExpiredAndUnlocksNothing() {
        var desk = desk();
        var patient = inCare(desk);
        String token = desk.therapist().token();
        var issued = issue(
                token,
                patient,
                "validUntil",
                LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Europe/Moscow"))
                        .toString());
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String id = body(issued).get("id").asString();
        clock.advance(Duration.ofDays(2));
        String again = tokenOf(desk.therapist(), desk.clinic());
        assertThat(listed(again, "EXPIRED")).containsExactly(id);
        assertThat(listed(again, "ISSUED")).isEmpty();
        var patientAgain = signedInAgain(patient);
        var refused = bookWith(patientAgain, desk.slots().get(desk.slots().size() - 1), id);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(problem(refused)).isEqualTo("referral-required");
    }

    @Test
    void aCancelledReferralIsRefusedAtBookingExactlyAsNoReferralIs() {
        var desk = desk();
        var patient = inCare(desk);
        var without = bookWith(patient, desk.slots().get(0), null);
        assertThat(without.statusCode()).isEqualTo(403);

        var issued = issue(desk.therapist().token(), patient);
        String id = body(issued).get("id").asString();
        // Another doctor, even of the same clinic, does not see it.
        var colleague = doctor(desk.clinic(), "therapist", "REGION");
        var foreign = postAs(colleague.token(), "/api/v1/referrals/" + id + "/cancel", map());
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(listed(colleague.token(), null)).doesNotContain(id);
        assertThat(postAs(patient.token(), "/api/v1/referrals/" + id + "/cancel", map())
                        .statusCode())
                .isEqualTo(404);

        var cancelled = postAs(desk.therapist().token(), "/api/v1/referrals/" + id + "/cancel", map());
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        assertThat(body(cancelled).get("state").asString()).isEqualTo("CANCELLED");
        assertThat(listed(desk.therapist().token(), "CANCELLED")).containsExactly(id);
        assertThat(freeSlots(patient.token(), desk.cardiologist())).isEmpty();

        var named = bookWith(patient, desk.slots().get(0), id);
        var unnamed = bookWith(patient, desk.slots().get(0), null);
        for (var refused : List.of(named, unnamed)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(without.statusCode());
            for (String field : List.of("type", "title", "status", "detail")) {
                assertThat(body(refused).get(field)).isEqualTo(body(without).get(field));
            }
        }
        var twice = postAs(desk.therapist().token(), "/api/v1/referrals/" + id + "/cancel", map());
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(problem(twice)).isEqualTo("referral-not-active");
        assertThat(postAs(desk.therapist().token(), "/api/v1/referrals/not-an-id/cancel", map())
                        .statusCode())
                .isIn(404, 422);
    }

    @Test
    void theListIsFilteredByStateAndPaged() {
        var desk = desk();
        String token = desk.therapist().token();
        var ids = new ArrayList<String>();
        for (int i = 0; i < 3; i++) {
            var issued = issue(token, inCare(desk));
            assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
            ids.add(body(issued).get("id").asString());
            clock.advance(Duration.ofSeconds(1));
        }
        postAs(token, "/api/v1/referrals/" + ids.get(0) + "/cancel", map());
        var first = body(getAs(token, "/api/v1/referrals/issued?size=2"));
        assertThat(first.get("items").findValuesAsString("id")).containsExactly(ids.get(2), ids.get(1));
        assertThat(first.get("hasNext").asBoolean()).isTrue();
        var second = body(getAs(token, "/api/v1/referrals/issued?size=2&page=1"));
        assertThat(second.get("items").findValuesAsString("id")).containsExactly(ids.get(0));
        assertThat(second.get("hasNext").asBoolean()).isFalse();
        assertThat(listed(token, "ISSUED")).containsExactly(ids.get(2), ids.get(1));
        assertThat(listed(token, "cancelled")).containsExactly(ids.get(0));
    }

    @Test
    void aRegistrarEntersAPaperReferralForAPatientOfTheirClinicWhichUnlocksBooking() {
        var desk = desk();
        var patient = inCare(desk);
        var registrar = TestStaff.registrar(identity, desk.clinic().id());
        String token = identity.tokens().tokensFor(registrar).accessToken();
        LocalDate today = LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Europe/Moscow"));
        var paper = map(
                "patientId",
                patient.id(),
                "organisation",
                "ГБУЗ ГП № 12",
                "number",
                "7731-0045",
                "issuedOn",
                today.minusDays(3).toString(),
                "doctorName",
                "Смирнова Анна Викторовна",
                "specialty",
                "cardiologist",
                "validUntil",
                today.plusDays(30).toString());
        // Not a doctor's: a doctor enters no paper, and a registrar of another clinic finds no patient.
        assertThat(postAs(desk.therapist().token(), "/api/v1/referrals/paper", paper)
                        .statusCode())
                .isEqualTo(404);
        var other = TestStaff.registrar(identity, clinic("Europe/Moscow").id());
        assertThat(postAs(identity.tokens().tokensFor(other).accessToken(), "/api/v1/referrals/paper", paper)
                        .statusCode())
                .isEqualTo(404);
        assertThat(postAs(
                                token,
                                "/api/v1/referrals/paper",
                                map("patientId", patient().id(), "specialty", "x"))
                        .statusCode())
                .isEqualTo(404);
        var future = new java.util.HashMap<>(paper);
        future.put("issuedOn", today.plusDays(1).toString());
        future.put("organisation", "");
        var wrong = postAs(token, "/api/v1/referrals/paper", future);
        assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(422);
        assertThat(body(wrong).get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("issuedOn", "organisation");

        var entered = postAs(token, "/api/v1/referrals/paper", paper);
        assertThat(entered.statusCode()).as(entered.body()).isEqualTo(201);
        String id = body(entered).get("id").asString();
        assertThat(body(entered).get("paper").get("number").asString()).isEqualTo("7731-0045");
        assertThat(body(entered).get("state").asString()).isEqualTo("ISSUED");
        assertThat(listed(token, null)).containsExactly(id);

        var booked = bookWith(patient, desk.slots().get(0), null);
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        assertThat(body(booked).get("referralId").asString()).isEqualTo(id);
        assertThat(listed(token, "USED")).containsExactly(id);
    }

    @Test
    void theReferralsPagesAreTheDoctorsAndTheRegistrarsAlone() {
        var desk = desk();
        var patient = inCare(desk);
        var issued = issue(desk.therapist().token(), patient);
        assertThat(issued.statusCode()).isEqualTo(201);
        var page = page(desk.therapist().token(), "/referrals");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Пациентов Пётр")
                .contains(body(issued).get("id").asString());
        var form = page(
                desk.therapist().token(),
                "/referrals/new?query=" + patient.phone().replace("+", "%2B"));
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains(patient.id());
        var stranger = page(
                desk.therapist().token(),
                "/referrals/new?query=" + patient().phone().replace("+", "%2B"));
        assertThat(stranger.body()).contains("id=\"no-patients\"");
        assertThat(page(patient.token(), "/referrals").statusCode()).isEqualTo(404);
        assertThat(page(desk.therapist().token(), "/referrals/paper/new").statusCode())
                .isEqualTo(404);
    }

    /** The referral notices sent to the patient by SMS, newest first, once at least this many came. */
    private List<org.medkarta.notification.OutboundMessage> referralSms(TestPatient patient, int atLeast) {
        return org.medkarta.testing.Outbox.to(outbox, patient.phone(), atLeast).stream()
                .filter(m -> m.channel() == org.medkarta.notification.Channel.SMS)
                .filter(m -> m.body().contains("направление к специалисту"))
                .toList();
    }
}
