package org.medkarta.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medkarta.clinic.DoctorView;
import org.medkarta.testing.TestCare;
import org.medkarta.testing.TestClinics;
import tools.jackson.databind.JsonNode;

/**
 * Filling (SPEC E9, issue 17): a booking asks for the questionnaire, answers are checked with their
 * conditions, a decimal item feeds the diary, and only care reads them.
 */
class FillingIT extends QuestionnaireSupport {

    @Test
    void aBookingAsksForTheQuestionnaireWhoseAnswersAreCheckedWithConditionsFedToTheDiaryAndReadOnlyByCare() {
        var clinic = TestClinics.register(clinics, "Клиника записи").id();
        DoctorView doctor = TestCare.doctor(clinics, clinic);
        TestCare.openSchedule(scheduleTemplates, doctor.id());
        String admin = admin(clinic);
        String service =
                clinics.catalogue().servicesOf(doctor.id()).get(0).id().value().toString();
        var created = postAs(
                admin,
                "/api/v1/clinics/" + clinic.value() + "/questionnaires",
                smoking("serviceIds", List.of(service)));
        String id = body(created).get("id").asString();
        assertThat(postAs(admin, "/api/v1/questionnaires/" + id + "/publish", map())
                        .statusCode())
                .isEqualTo(200);

        var patient = patient();
        var stranger = patient();
        // Not asked yet: the questionnaire is neither assigned nor open to all.
        assertThat(postAs(
                                patient.token(),
                                "/api/v1/questionnaires/" + id + "/responses",
                                map("status", "in-progress", "item", List.of()))
                        .statusCode())
                .isEqualTo(404);

        var appointment = TestCare.appointment(slotSearch, booking, patient.user(), doctor.id());
        JsonNode tasks = awaitTasks(patient);
        assertThat(tasks.get(0).get("appointmentId").asString())
                .isEqualTo(appointment.id().toString());

        // Reminded once, the day before the appointment, while unfilled (the clock moved).
        clock.freezeAt(appointment.start().minus(Duration.ofDays(2)));
        assertThat(sending.sendDueReminders()).isZero();
        clock.freezeAt(appointment.start().minus(Duration.ofHours(20)));
        assertThat(sending.sendDueReminders()).isEqualTo(1);
        assertThat(sending.sendDueReminders()).isZero();
        clock.reset();

        String responses = "/api/v1/questionnaires/" + id + "/responses";
        var draft = postAs(
                patient.token(),
                responses,
                map("status", "in-progress", "item", List.of(answer("weight", "valueString", "семьдесят"))));
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(200);
        assertThat(awaitTasks(patient).get(0).get("draftId").asString())
                .isEqualTo(body(draft).get("id").asString());

        assertThat(fields(postAs(
                        patient.token(),
                        responses,
                        map("status", "completed", "item", List.of(answer("weight", "valueDecimal", 500))))))
                .containsExactlyInAnyOrder("item.smoke", "item.weight");
        assertThat(fields(postAs(
                        patient.token(),
                        responses,
                        map("status", "completed", "item", List.of(answer("smoke", "valueBoolean", true))))))
                .containsExactly("item.cigs");
        assertThat(postAs(
                                stranger.token(),
                                responses,
                                map("status", "completed", "item", List.of(answer("smoke", "valueBoolean", false))))
                        .statusCode())
                .isEqualTo(404);

        var submitted = postAs(
                patient.token(),
                responses,
                map(
                        "status",
                        "completed",
                        "item",
                        List.of(
                                answer("smoke", "valueBoolean", false),
                                answer("cigs", "valueDecimal", 5),
                                answer("weight", "valueDecimal", "70,5"))));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        var items = body(submitted).get("item");
        assertThat(items.valueStream().map(i -> i.get("linkId").asString()).toList())
                .as("the hidden item's answer is dropped")
                .containsExactly("smoke", "weight");
        assertThat(body(submitted).get("status").asString()).isEqualTo("completed");
        assertThat(jdbc.sql("SELECT value1 FROM record_diary_reading WHERE patient_id = :p AND measure = 'WEIGHT'")
                        .param("p", patient.user().patientId().value())
                        .query(java.math.BigDecimal.class)
                        .single())
                .isEqualByComparingTo("70.5");
        assertThat(postAs(
                                patient.token(),
                                responses,
                                map("status", "completed", "item", List.of(answer("smoke", "valueBoolean", false))))
                        .statusCode())
                .isIn(404, 409);
        assertThat(body(getAs(patient.token(), "/api/v1/patients/" + patient.id() + "/questionnaire-tasks")))
                .isEmpty();

        String list = "/api/v1/patients/" + patient.id() + "/questionnaire-responses";
        var caring = TestCare.token(identity, doctor);
        var seen = body(getAs(caring, list));
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)
                        .get("item")
                        .get(1)
                        .get("answer")
                        .get(0)
                        .get("valueDecimal")
                        .asString())
                .isEqualTo("70.5");
        var unrelated = TestCare.token(
                identity,
                TestCare.doctor(clinics, TestClinics.register(clinics, "Иная").id()));
        assertThat(getAs(unrelated, list).statusCode()).isEqualTo(404);
        assertThat(getAs(stranger.token(), list).statusCode()).isEqualTo(404);
        assertThat(getAs(admin, list).statusCode()).isEqualTo(404);
    }
}
