package org.medkarta.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The request's life by the clock (SPEC D1, D3–D5; seed 004): opened by a telemedicine booking,
 * described by the patient, "Take into work" from 15 minutes before the start by the appointment's
 * doctor only, taken off the desk when its appointment is cancelled, its room opened by taking it
 * and closed by the protocol, and 404 for everyone else.
 */
class ConsultationRequestsIT extends ConsultationSupport {

    @Autowired
    ConsultationEventsForTests events;

    @Test
    void aTelemedicineBookingOpensARequestCarryingTheComplaintAndChannel() {
        var clinic = clinic();
        var doctor = doctor(clinic, "therapist", "PRIMARY");
        var patient = patient("Пациентов");
        var slot = freeSlots(doctor, doctor.services().get(0)).get(0);

        var opened = bookAndOpen(patient, slot, "Болит голова третий день");

        assertThat(opened.get("state").asString()).isEqualTo("NEW");
        assertThat(opened.get("channel").asString()).isEqualTo("VIDEO");
        assertThat(opened.get("kind").asString()).isEqualTo("PRIMARY");
        assertThat(opened.get("doctorId").asString()).isEqualTo(doctor.id());
        var detail = body(getAs(
                patient.token(), "/api/v1/consultations/" + opened.get("id").asString()));
        assertThat(detail.get("complaints").asString()).isEqualTo("Болит голова третий день");
        assertThat(detail.get("patientName").asString()).isEqualTo("Пациентов Пётр Ильич");
        assertThat(ids(getAs(doctor.token(), "/api/v1/consultations?state=NEW")))
                .contains(opened.get("id").asString());

        var described = putAs(
                patient.token(),
                "/api/v1/consultations/" + opened.get("id").asString() + "/request",
                map(
                        "question",
                        "Нужно ли обследование?",
                        "anamnesis",
                        "Гипертония 5 лет",
                        "complaints",
                        "Головная боль"));
        assertThat(described.statusCode()).as(described.body()).isEqualTo(200);
        assertThat(body(described).get("question").asString()).isEqualTo("Нужно ли обследование?");
        var tooLong = putAs(
                patient.token(),
                "/api/v1/consultations/" + opened.get("id").asString() + "/request",
                map("question", "х".repeat(4001)));
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(body(tooLong).get("field").asString()).isEqualTo("question");
        assertThat(events.of(ConsultationOpened.class))
                .anySatisfy(e -> assertThat(e.consultationId().toString())
                        .isEqualTo(opened.get("id").asString()));
    }

    @Test
    void takeIntoWorkOpensFifteenMinutesBeforeTheStartForTheAppointmentsDoctorOnly() {
        var clinic = clinic();
        var doctor = doctor(clinic, "therapist", "PRIMARY");
        var otherDoctor = doctor(clinic, "therapist", "PRIMARY");
        var patient = patient("Пациентов");
        var stranger = patient("Чужой");
        var c = bookAndOpen(patient, freeSlots(doctor, doctor.services().get(0)).get(0), null);
        String id = c.get("id").asString();
        String take = "/api/v1/consultations/" + id + "/take";

        clock.freezeAt(start(c).minus(Duration.ofMinutes(16)));
        var early = postAs(doctor.token(), take, map());
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(problem(early)).isEqualTo("too-early");
        assertThat(body(early).get("minutesBefore").asInt()).isEqualTo(15);

        clock.freezeAt(start(c).minus(Duration.ofMinutes(15)));
        assertThat(postAs(patient.token(), take, map()).statusCode()).isEqualTo(403);
        // Another doctor or another patient: the consultation does not exist for them.
        assertThat(postAs(otherDoctor.token(), take, map()).statusCode()).isEqualTo(404);
        var hidden = getAs(stranger.token(), "/api/v1/consultations/" + id);
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(problem(hidden)).isEqualTo("not-found");
        assertThat(getAs(otherDoctor.token(), "/api/v1/consultations/" + id + "/protocol.pdf")
                        .statusCode())
                .isEqualTo(404);
        assertThat(ids(getAs(stranger.token(), "/api/v1/consultations"))).doesNotContain(id);
        assertThat(ids(getAs(otherDoctor.token(), "/api/v1/consultations"))).doesNotContain(id);

        var taken = postAs(doctor.token(), take, map());
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
        assertThat(body(taken).get("state").asString()).isEqualTo("IN_WORK");
        var twice = postAs(doctor.token(), take, map());
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(problem(twice)).isEqualTo("consultation-not-new");
        assertThat(ids(getAs(doctor.token(), "/api/v1/consultations?state=IN_WORK")))
                .contains(id);
        assertThat(ids(getAs(patient.token(), "/api/v1/consultations?state=IN_WORK")))
                .contains(id);
        assertThat(events.of(ConsultationTaken.class))
                .anySatisfy(e -> assertThat(e.consultationId().toString()).isEqualTo(id));
    }

    @Test
    void aCancelledAppointmentTakesItsRequestOffTheDesk() {
        var clinic = clinic();
        var doctor = doctor(clinic, "therapist", "PRIMARY");
        var patient = patient("Отменов");
        var c = bookAndOpen(patient, freeSlots(doctor, doctor.services().get(0)).get(3), null);
        var cancelled = postAs(
                patient.token(),
                "/api/v1/appointments/" + c.get("appointmentId").asString() + "/cancel",
                map());
        assertThat(cancelled.statusCode()).isEqualTo(200);
        long until = System.nanoTime() + 10_000_000_000L;
        while (ids(getAs(doctor.token(), "/api/v1/consultations?state=NEW"))
                        .contains(c.get("id").asString())
                && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        assertThat(ids(getAs(doctor.token(), "/api/v1/consultations")))
                .doesNotContain(c.get("id").asString());
        var take = postAs(doctor.token(), "/api/v1/consultations/" + c.get("id").asString() + "/take", map());
        assertThat(problem(take)).isEqualTo("consultation-cancelled");
    }

    @Test
    void takingIntoWorkOpensTheRoomForPatientAndDoctorAndSendingTheProtocolClosesIt() {
        var clinic = clinic();
        var doctor = doctor(clinic, "therapist", "PRIMARY");
        var patient = patient("Комнатов");
        var stranger = patient("Посторонний");
        var c = bookAndOpen(patient, freeSlots(doctor, doctor.services().get(0)).get(0), null);
        var id = java.util.UUID.fromString(c.get("id").asString());
        String base = "/api/v1/consultations/" + id;
        assertThat(consultationRequests.room(patient.user(), id)).isEmpty();
        clock.freezeAt(start(c).minus(Duration.ofMinutes(5)));
        assertThat(postAs(doctor.token(), base + "/take", map()).statusCode()).isEqualTo(200);
        assertThat(consultationRequests.room(patient.user(), id)).hasValueSatisfying(room -> {
            assertThat(room.open()).isTrue();
            assertThat(room.members())
                    .extracting(m -> m.userId())
                    .containsExactlyInAnyOrder(
                            patient.user().userId(), doctor.user().userId());
        });
        var sent = postAs(patient.token(), base + "/messages", map("text", "Здравствуйте, доктор"));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        assertThat(postAs(stranger.token(), base + "/messages", map("text", "Я тут"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(postAs(doctor.token(), base + "/protocol", map("recommendations", "Покой"))
                        .statusCode())
                .isEqualTo(201);
        assertThat(consultationRequests.room(doctor.user(), id))
                .hasValueSatisfying(room -> assertThat(room.open()).isFalse());
        var history = getAs(doctor.token(), base + "/messages");
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(body(history).get(0).get("text").asString()).isEqualTo("Здравствуйте, доктор");
    }
}
