package org.medkarta.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@link WalkInCalls}: the doctor on duty calling, marking and finishing (SPEC C9, F4; issue 19). */
class WalkInCallsIT extends WalkInSupport {

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
}
