package org.medkarta.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Doctor-to-doctor consultations (SPEC D11, seed 004 «Врач-врач»): a doctor asks a consultant of
 * another clinic and the protocol returns to both and the patient.
 */
class ColleagueQuestionsIT extends ConsultationSupport {

    @Autowired
    ConsultationEventsForTests events;

    @Test
    void aDoctorAsksAConsultantOfAnotherClinicAndTheProtocolReturnsToBothAndThePatient() {
        var home = clinic();
        var referring = doctor(home, "therapist", "PRIMARY");
        var centre = clinic();
        var consultant = doctor(centre, "cardiologist", "DOCTOR_TO_DOCTOR");
        var patient = patient("Консультируемый");
        var slot = freeSlots(consultant, consultant.services().get(0)).get(1);

        var noCase = postAs(
                referring.token(),
                "/api/v1/consultations/doctor-to-doctor",
                map("patientId", patient.id(), "slotId", slot.get("id").asString()));
        assertThat(noCase.statusCode()).isEqualTo(422);
        assertThat(body(noCase).get("field").asString()).isEqualTo("caseText");
        assertThat(postAs(
                                patient.token(),
                                "/api/v1/consultations/doctor-to-doctor",
                                map(
                                        "patientId",
                                        patient.id(),
                                        "slotId",
                                        slot.get("id").asString(),
                                        "caseText",
                                        "x"))
                        .statusCode())
                .isEqualTo(404);

        var asked = postAs(
                referring.token(),
                "/api/v1/consultations/doctor-to-doctor",
                map(
                        "patientId",
                        patient.id(),
                        "slotId",
                        slot.get("id").asString(),
                        "caseText",
                        "Пациент 45 лет, АД 170/100 на трёх препаратах. Вопрос: коррекция терапии?"));
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        var c = opened(referring.token(), body(asked).get("id").asString());
        assertThat(c.get("kind").asString()).isEqualTo("DOCTOR_TO_DOCTOR");
        assertThat(c.get("referringDoctorId").asString()).isEqualTo(referring.id());
        assertThat(ids(getAs(consultant.token(), "/api/v1/consultations?state=NEW")))
                .contains(c.get("id").asString());
        assertThat(ids(getAs(referring.token(), "/api/v1/consultations?state=NEW")))
                .contains(c.get("id").asString());
        String base = "/api/v1/consultations/" + c.get("id").asString();
        assertThat(body(getAs(consultant.token(), base)).get("question").asString())
                .startsWith("Пациент 45 лет");
        assertThat(consultationRequests.members(
                        consultant.user(), java.util.UUID.fromString(c.get("id").asString())))
                .containsExactlyInAnyOrder(
                        consultant.user().userId(), referring.user().userId());

        clock.freezeAt(start(c).minus(Duration.ofMinutes(1)));
        assertThat(postAs(referring.token(), base + "/take", map()).statusCode())
                .isEqualTo(403);
        assertThat(postAs(consultant.token(), base + "/take", map()).statusCode())
                .isEqualTo(200);
        var sent = postAs(
                consultant.token(),
                base + "/protocol",
                map("recommendations", "Добавить антагонист кальция", "diagnoses", java.util.List.of("I10")));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);

        assertThat(ids(getAs(referring.token(), "/api/v1/consultations?state=CLOSED")))
                .contains(c.get("id").asString());
        assertThat(body(getAs(referring.token(), base + "/protocol"))
                        .get("recommendations")
                        .asString())
                .isEqualTo("Добавить антагонист кальция");
        assertThat(getAs(patient.token(), base + "/protocol").statusCode()).isEqualTo(200);
        assertThat(events.of(ProtocolSent.class)).anySatisfy(e -> {
            assertThat(e.consultationId().toString()).isEqualTo(c.get("id").asString());
            assertThat(e.referringDoctorId().value().toString()).isEqualTo(referring.id());
            assertThat(e.patientId().value().toString()).isEqualTo(patient.id());
        });
    }
}
