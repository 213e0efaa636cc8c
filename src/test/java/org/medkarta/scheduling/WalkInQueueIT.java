package org.medkarta.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.medkarta.notification.Notice;
import org.medkarta.notification.Notifications;
import org.medkarta.scheduling.Fixtures.TestClinic;
import org.medkarta.scheduling.Fixtures.TestDoctor;
import org.medkarta.scheduling.Fixtures.TestPatient;
import org.medkarta.shared.ClinicCare;
import org.medkarta.testing.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;

/** The walk-in queue's rules (SPEC C9, seed 002; issue 19), through the API on the real database. */
class WalkInQueueIT extends SchedulingSupport {

    @Autowired
    WalkInTickets walkInTickets;

    @Autowired
    WalkInBoards walkInBoards;

    @Autowired
    ClinicCare care;

    @Autowired
    Notifications notifications;

    @Autowired
    org.medkarta.notification.DevOutbox outbox;

    @Test
    void ticketsAreNumberedInTurnAndTheWaitIsEstimatedFromRecentVisits() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        String queue = openQueue(clinic, List.of(doctor), "00:00", "23:59");
        var patients = IntStream.range(0, 3).mapToObj(i -> patient()).toList();

        var first = take(patients.get(0), queue);
        var second = take(patients.get(1), queue);
        var third = take(patients.get(2), queue);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(body(first).get("number").asString()).isEqualTo("Т-001");
        assertThat(body(third).get("number").asString()).isEqualTo("Т-003");
        // Before any visit: 15 minutes a patient, one doctor on duty.
        assertThat(body(first).get("position").asInt()).isEqualTo(1);
        assertThat(body(first).get("estimatedWaitMinutes").asInt()).isEqualTo(15);
        assertThat(body(third).get("position").asInt()).isEqualTo(3);
        assertThat(body(third).get("estimatedWaitMinutes").asInt()).isEqualTo(45);

        var called = callNext(doctor, queue);
        assertThat(called.statusCode()).as(called.body()).isEqualTo(200);
        assertThat(body(called).get("id").asString())
                .isEqualTo(body(first).get("id").asString());
        assertThat(body(called).get("room").asString()).isEqualTo("12");
        clock.advance(Duration.ofMinutes(6));
        var finished = postAs(doctor.token(), "/api/v1/walk-in-tickets/" + id(first) + "/finish", map());
        assertThat(finished.statusCode()).as(finished.body()).isEqualTo(200);
        assertThat(body(finished).get("status").asString()).isEqualTo("SERVED");

        var mine = getAs(patients.get(1).token(), "/api/v1/walk-in-tickets/" + id(second));
        assertThat(body(mine).get("position").asInt()).isEqualTo(1);
        assertThat(body(mine).get("estimatedWaitMinutes").asInt()).isEqualTo(6);
        assertThat(body(mine).has("patientName")
                        && !body(mine).get("patientName").isNull())
                .as("the patient's own view names nobody")
                .isFalse();
    }

    @Test
    void parallelTicketsGetDistinctNumbersWithNoGaps() throws Exception {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        String queue = openQueue(clinic, List.of(doctor), "00:00", "23:59");
        var patients = IntStream.range(0, 30).mapToObj(i -> patient()).toList();

        var answers = all(patients.stream()
                .map(p -> (Callable<HttpResponse<String>>) () -> take(p, queue))
                .toList());

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(201);
        var numbers =
                answers.stream().map(a -> body(a).get("number").asString()).toList();
        assertThat(new HashSet<>(numbers)).hasSize(30);
        assertThat(numbers).contains("Т-001", "Т-030");
    }

    @Test
    void doctorsPressingNextAtTheSameInstantNeverCallOneTicketTwiceNorSkipOne() throws Exception {
        var clinic = clinic("Europe/Moscow");
        var doctors = IntStream.range(0, 3)
                .mapToObj(i -> doctor(clinic, "therapist", "REGION"))
                .toList();
        String queue = openQueue(clinic, doctors, "00:00", "23:59");
        var taken = new ArrayList<String>();
        for (int i = 0; i < 24; i++) {
            taken.add(id(take(patient(), queue)));
        }

        var called = Collections.synchronizedList(new ArrayList<String>());
        all(doctors.stream()
                .map(doctor -> (Callable<Void>) () -> {
                    while (true) {
                        var next = callNext(doctor, queue);
                        if (next.statusCode() == 204) {
                            return null;
                        }
                        assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
                        String ticket = id(next);
                        called.add(ticket);
                        var done = postAs(doctor.token(), "/api/v1/walk-in-tickets/" + ticket + "/finish", map());
                        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
                    }
                })
                .toList());

        assertThat(called).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(taken);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduling_walk_in_ticket WHERE queue_id = :q AND status = 'SERVED'")
                        .param("q", UUID.fromString(queue))
                        .query(Long.class)
                        .single())
                .isEqualTo(24L);
    }

    @Test
    void theClinicsPrioritiesPutPrivilegedThenPreBookedPatientsFirst() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        String queue = openQueue(clinic, List.of(doctor), "00:00", "23:59");
        var admin = TestStaff.administrator(identity, clinics, clinic.id());
        var registrar = TestStaff.registrar(identity, clinic.id());
        String registrarToken = identity.tokens().tokensFor(registrar).accessToken();
        var plain = patient();
        var veteran = patient();
        care.registered(registrar.userId(), veteran.account().patientId());

        // Without a setting the privilege counts for nothing: one line by number.
        assertThat(id(take(plain, queue))).isNotNull();
        var first = postAs(
                registrarToken,
                "/api/v1/walk-in-queues/" + queue + "/tickets",
                map("patientId", veteran.id(), "privileged", true));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(body(first).get("channel").asString()).isEqualTo("DESK");
        assertThat(body(first).get("position").asInt()).isEqualTo(2);

        var chosen = putAs(
                identity.tokens().tokensFor(admin).accessToken(),
                "/api/v1/clinics/" + clinic.id().value() + "/walk-in-settings",
                map("prebookedFirst", true, "privilegedFirst", true));
        assertThat(chosen.statusCode()).as(chosen.body()).isEqualTo(200);
        var late = patient();
        care.registered(registrar.userId(), late.account().patientId());
        var privileged = postAs(
                registrarToken,
                "/api/v1/walk-in-queues/" + queue + "/tickets",
                map("patientId", late.id(), "privileged", true));
        assertThat(body(privileged).get("position").asInt()).isEqualTo(1);
        assertThat(id(callNext(doctor, queue))).isEqualTo(id(privileged));

        // A patient may not claim a privilege on their own phone.
        var self = postAs(patient().token(), "/api/v1/walk-in-queues/" + queue + "/tickets", map("privileged", true));
        assertThat(body(self).get("position").asInt()).isEqualTo(3);
    }

    @Test
    void aPatientHoldsOneTicketPerQueueAndTakesNoneAfterHours() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        String queue = openQueue(clinic, List.of(doctor), "00:00", "23:59");
        var patient = patient();
        String ticket = id(take(patient, queue));

        var again = take(patient, queue);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(problem(again)).isEqualTo("walk-in-ticket-held");
        assertThat(body(again).get("ticketId").asString()).isEqualTo(ticket);

        String closed = openQueue(clinic, List.of(doctor), "00:00", "00:01");
        var late = take(patient, closed);
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(problem(late)).isEqualTo("walk-in-closed");
    }

    @Test
    void theDoctorFinishesOrMarksAbsentBeforeCallingAgainAndOnlyTheirOwnPatient() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        var colleague = doctor(clinic, "therapist", "REGION");
        var offDuty = doctor(clinic, "therapist", "REGION");
        String queue = openQueue(clinic, List.of(doctor, colleague), "00:00", "23:59");
        var first = take(patient(), queue);
        take(patient(), queue);

        assertThat(callNext(offDuty, queue).statusCode()).isEqualTo(404);
        assertThat(callNext(doctor, queue).statusCode()).isEqualTo(200);
        var twice = callNext(doctor, queue);
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(problem(twice)).isEqualTo("walk-in-patient-with-doctor");
        var notTheirs = postAs(colleague.token(), "/api/v1/walk-in-tickets/" + id(first) + "/no-show", map());
        assertThat(notTheirs.statusCode()).isEqualTo(409);
        assertThat(problem(notTheirs)).isEqualTo("walk-in-ticket-not-called");
        assertThat(postAs(offDuty.token(), "/api/v1/walk-in-tickets/" + id(first) + "/no-show", map())
                        .statusCode())
                .isEqualTo(404);

        var absent = postAs(doctor.token(), "/api/v1/walk-in-tickets/" + id(first) + "/no-show", map());
        assertThat(body(absent).get("status").asString()).isEqualTo("NO_SHOW");
        assertThat(callNext(doctor, queue).statusCode()).isEqualTo(200);
        assertThat(callNext(colleague, queue).statusCode()).isEqualTo(204);
    }

    @Test
    void theCalledPatientIsToldAndTheVisitOpensTheirRecordToTheDoctor() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        String queue = openQueue(clinic, List.of(doctor), "00:00", "23:59");
        var patients = IntStream.range(0, 4).mapToObj(i -> patient()).toList();
        var tickets = patients.stream().map(p -> id(take(p, queue))).toList();
        String record = "/api/v1/patients/" + patients.get(0).id() + "/record";
        assertThat(getAs(doctor.token(), record).statusCode()).isEqualTo(404);

        assertThat(callNext(doctor, queue).statusCode()).isEqualTo(200);

        assertThat(titles(patients.get(0))).contains("Вас вызывают");
        assertThat(noticeTexts(patients.get(0))).anyMatch(text -> text.contains("кабинет 12"));
        // Two and three behind the called one: at most two patients ahead of each.
        assertThat(titles(patients.get(1))).contains("Скоро ваша очередь");
        assertThat(titles(patients.get(3))).contains("Скоро ваша очередь");
        assertThat(getAs(doctor.token(), record).statusCode()).isEqualTo(200);
        assertThat(tickets).hasSize(4);

        var board = get("/api/v1/walk-in-queues/" + queue + "/board", "Accept", "application/json");
        assertThat(board.statusCode()).isEqualTo(200);
        assertThat(body(board).get("called").get(0).get("number").asString()).isEqualTo("Т-001");
        assertThat(body(board).get("called").get(0).get("room").asString()).isEqualTo("12");
        assertThat(board.body())
                .doesNotContain("Пациентов")
                .doesNotContain(patients.get(0).id());
    }

    @Test
    void theHeadSeesEachDoctorsLoadAndTheDashboardReadsWaitsPerDoctorAndDay() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        String queue = openQueue(clinic, List.of(doctor), "00:00", "23:59");
        var admin = TestStaff.administrator(identity, clinics, clinic.id());
        take(patient(), queue);
        take(patient(), queue);
        take(patient(), queue);
        clock.advance(Duration.ofMinutes(4));
        String first = id(callNext(doctor, queue));
        postAs(doctor.token(), "/api/v1/walk-in-tickets/" + first + "/finish", map());
        String second = id(callNext(doctor, queue));
        postAs(doctor.token(), "/api/v1/walk-in-tickets/" + second + "/no-show", map());
        callNext(doctor, queue);

        var load = getAs(
                identity.tokens().tokensFor(admin).accessToken(),
                "/api/v1/clinics/" + clinic.id().value() + "/walk-in-load");
        assertThat(load.statusCode()).as(load.body()).isEqualTo(200);
        var row = body(load).get(0);
        assertThat(row.get("served").asInt()).isEqualTo(1);
        assertThat(row.get("noShows").asInt()).isEqualTo(1);
        assertThat(row.get("current").asString()).isEqualTo("Т-003");
        assertThat(row.get("maxWaitMinutes").asInt()).isEqualTo(4);
        assertThat(getAs(doctor.token(), "/api/v1/clinics/" + clinic.id().value() + "/walk-in-load")
                        .statusCode())
                .isEqualTo(404);

        LocalDate today = LocalDate.now(clinic.zone());
        var waits = walkInBoards.waits(admin, clinic.id(), today.minusDays(1), today);
        assertThat(waits).hasSize(1);
        assertThat(waits.get(0).served()).isEqualTo(1);
        assertThat(waits.get(0).noShows()).isEqualTo(1);
        assertThat(waits.get(0).maxWaitMinutes()).isEqualTo(4);
        assertThat(waits.get(0).meanWaitMinutes()).isEqualTo(4.0);
        assertThatThrownBy(
                        () -> walkInBoards.waits(TestStaff.registrar(identity, clinic.id()), clinic.id(), today, today))
                .isInstanceOf(org.medkarta.shared.NotFound.class);

        // The clinic's dashboard reads the same waits, per doctor over the period (SPEC J3).
        String adminToken = identity.tokens().tokensFor(admin).accessToken();
        var dashboard = getAs(
                adminToken,
                "/api/v1/clinics/" + clinic.id().value() + "/dashboard?from=" + today.minusDays(1) + "&to=" + today);
        assertThat(dashboard.statusCode()).as(dashboard.body()).isEqualTo(200);
        var walkIn = body(dashboard).get("walkIn").get("doctors").get(0);
        assertThat(walkIn.get("served").asLong()).isEqualTo(1);
        assertThat(walkIn.get("noShows").asLong()).isEqualTo(1);
        assertThat(walkIn.get("meanWaitMinutes").asDouble()).isEqualTo(4.0);
        assertThat(walkIn.get("maxWaitMinutes").asInt()).isEqualTo(4);
        // A head of department of the clinic watches the queues as its administrator does.
        var appointed = putAs(
                adminToken,
                "/api/v1/clinics/" + clinic.id().value() + "/doctors/" + doctor.id() + "/head-of-department",
                map());
        assertThat(appointed.statusCode()).as(appointed.body()).isBetween(200, 204);
        assertThat(getAs(doctor.token(), "/api/v1/clinics/" + clinic.id().value() + "/walk-in-load")
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aQueueNamesEveryWrongFieldAndTakesOnlyDoctorsOfItsClinic() {
        var clinic = clinic("Europe/Moscow");
        var stranger = doctor(clinic("Europe/Moscow"), "therapist", "REGION");
        var admin = TestStaff.administrator(identity, clinics, clinic.id());
        var wrong = postAs(
                identity.tokens().tokensFor(admin).accessToken(),
                "/api/v1/clinics/" + clinic.id().value() + "/walk-in-queues",
                map(
                        "name", " ",
                        "specialty", "astrologer",
                        "room", "12",
                        "day", LocalDate.now(clinic.zone()).minusDays(1).toString(),
                        "opensAt", "20:00",
                        "closesAt", "08:00",
                        "doctorIds", List.of(stranger.id())));
        assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(422);
        assertThat(problem(wrong)).isEqualTo("invalid-input");
        assertThat(body(wrong).get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("name", "specialty", "day", "closesAt", "doctorIds");
        assertThat(postAs(stranger.token(), "/api/v1/clinics/" + clinic.id().value() + "/walk-in-queues", map())
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void theKioskTakesATicketByPolicyNumberAndBirthDateAndNamesNoOneOtherwise() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        UUID queue = UUID.fromString(openQueue(clinic, List.of(doctor), "00:00", "23:59"));
        var patient = patient();
        String oms = String.valueOf(1_000_000_000_000_000L + (long) (Math.random() * 8_000_000_000_000_000L));
        var added = postAs(
                patient.token(), "/api/v1/patients/" + patient.id() + "/policies", map("kind", "OMS", "number", oms));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);

        assertThatThrownBy(() -> walkInTickets.kioskByPolicy(queue, oms, "1999-09-09"))
                .isInstanceOfSatisfying(
                        org.medkarta.shared.InvalidInput.class,
                        refused -> assertThat(refused.errors())
                                .extracting(org.medkarta.shared.InvalidInput.FieldError::field)
                                .containsExactly("policy"));
        var ticket = walkInTickets.kioskByPolicy(queue, oms.substring(0, 4) + " " + oms.substring(4), "1980-01-02");
        assertThat(ticket.number()).isEqualTo("Т-001");
        assertThat(ticket.channel()).isEqualTo(WalkInChannel.KIOSK);
        assertThat(ticket.patientId()).isEqualTo(patient.account().patientId());
        assertThat(ticket.patientName()).isNull();
    }

    @Test
    void aWrongCodeAtTheKioskCountsTowardsTheSignInLimit() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        UUID queue = UUID.fromString(openQueue(clinic, List.of(doctor), "00:00", "23:59"));
        var patient = patient();
        var kiosk = new org.medkarta.identity.ClientInfo("127.0.0.1", "kiosk");
        walkInTickets.kioskCode(queue, patient.phone(), kiosk, java.util.Locale.forLanguageTag("ru"));
        String wrong =
                org.medkarta.testing.Outbox.latestCode(outbox, patient.phone()).equals("000000") ? "111111" : "000000";

        var first = org.assertj.core.api.Assertions.catchThrowableOfType(
                org.medkarta.shared.DomainException.class,
                () -> walkInTickets.kioskByCode(queue, patient.phone(), wrong, kiosk));
        var second = org.assertj.core.api.Assertions.catchThrowableOfType(
                org.medkarta.shared.DomainException.class,
                () -> walkInTickets.kioskByCode(queue, patient.phone(), wrong, kiosk));

        assertThat(first.problem()).isEqualTo("wrong-code");
        assertThat(((Number) second.properties().get("attemptsLeft")).intValue())
                .isEqualTo(((Number) first.properties().get("attemptsLeft")).intValue() - 1);
        var ticket = walkInTickets.kioskByCode(
                queue, patient.phone(), org.medkarta.testing.Outbox.latestCode(outbox, patient.phone()), kiosk);
        assertThat(ticket.number()).isEqualTo("Т-001");
    }

    // ---------------------------------------------------------------- helpers

    String openQueue(TestClinic clinic, List<TestDoctor> doctors, String opens, String closes) {
        var admin = TestStaff.administrator(identity, clinics, clinic.id());
        var opened = postAs(
                identity.tokens().tokensFor(admin).accessToken(),
                "/api/v1/clinics/" + clinic.id().value() + "/walk-in-queues",
                map(
                        "name",
                        "Дежурный терапевт",
                        "specialty",
                        "therapist",
                        "room",
                        "12",
                        "day",
                        LocalDate.now(clinic.zone()).toString(),
                        "opensAt",
                        opens,
                        "closesAt",
                        closes,
                        "doctorIds",
                        doctors.stream().map(TestDoctor::id).toList()));
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return body(opened).get("id").asString();
    }

    HttpResponse<String> take(TestPatient patient, String queue) {
        return postAs(patient.token(), "/api/v1/walk-in-queues/" + queue + "/tickets", map());
    }

    HttpResponse<String> callNext(TestDoctor doctor, String queue) {
        return postAs(doctor.token(), "/api/v1/walk-in-queues/" + queue + "/call-next", map());
    }

    String id(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 201);
        return body(response).get("id").asString();
    }

    List<String> titles(TestPatient patient) {
        return notifications.notices(patient.account().userId()).stream()
                .map(Notice::title)
                .toList();
    }

    List<String> noticeTexts(TestPatient patient) {
        return notifications.notices(patient.account().userId()).stream()
                .map(Notice::body)
                .toList();
    }

    static <T> List<T> all(List<Callable<T>> calls) throws Exception {
        var pool = Executors.newFixedThreadPool(calls.size());
        try {
            var ready = new CountDownLatch(1);
            var futures = new ArrayList<Future<T>>();
            for (var call : calls) {
                futures.add(pool.submit(() -> {
                    ready.await();
                    return call.call();
                }));
            }
            ready.countDown();
            var results = new ArrayList<T>();
            for (var future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
