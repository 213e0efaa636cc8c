package org.medkarta.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.medkarta.clinic.DoctorView;
import org.medkarta.testing.TestCare;
import org.medkarta.testing.TestClinics;

/**
 * Sending (SPEC E9, issue 17): a clinic sends a questionnaire to patients in its care, and one open
 * to all reaches them too.
 */
class SendingIT extends QuestionnaireSupport {

    @Test
    void aClinicSendsToPatientsInItsCareAndAQuestionnaireOpenToAllReachesThemToo() {
        var clinic = TestClinics.register(clinics, "Клиника рассылки").id();
        DoctorView doctor = TestCare.doctor(clinics, clinic);
        TestCare.openSchedule(scheduleTemplates, doctor.id());
        String admin = admin(clinic);
        var cared = patient();
        TestCare.appointment(slotSearch, booking, cared.user(), doctor.id());
        var outsider = patient();
        String id = body(postAs(admin, "/api/v1/clinics/" + clinic.value() + "/questionnaires", smoking()))
                .get("id")
                .asString();
        String send = "/api/v1/questionnaires/" + id + "/assignments";
        assertThat(postAs(admin, send, map("patientIds", List.of(cared.id()))).statusCode())
                .isEqualTo(409);
        postAs(admin, "/api/v1/questionnaires/" + id + "/publish", map());
        assertThat(fields(postAs(admin, send, map("patientIds", List.of(outsider.id())))))
                .containsExactly("patientIds");
        var sent = postAs(admin, send, map("patientIds", List.of(cared.id())));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat(body(sent).get("asked").asInt()).isEqualTo(1);
        assertThat(body(postAs(admin, send, map("patientIds", List.of(cared.id()))))
                        .get("asked")
                        .asInt())
                .isZero();
        var tasks = body(getAs(cared.token(), "/api/v1/patients/" + cared.id() + "/questionnaire-tasks"));
        assertThat(tasks).hasSize(1);
        assertThat(body(getAs(outsider.token(), "/api/v1/patients/" + outsider.id() + "/questionnaire-tasks")))
                .isEmpty();

        String open = body(postAs(
                        admin,
                        "/api/v1/clinics/" + clinic.value() + "/questionnaires",
                        map("title", "Для всех", "openToAll", true, "item", List.of(item("q", "Как вы?", "text")))))
                .get("id")
                .asString();
        postAs(admin, "/api/v1/questionnaires/" + open + "/publish", map());
        assertThat(body(getAs(cared.token(), "/api/v1/patients/" + cared.id() + "/questionnaire-tasks")))
                .hasSize(2);
        assertThat(body(getAs(outsider.token(), "/api/v1/patients/" + outsider.id() + "/questionnaire-tasks")))
                .isEmpty();
        assertThat(postAs(
                                outsider.token(),
                                "/api/v1/questionnaires/" + open + "/responses",
                                map("status", "completed", "item", List.of(answer("q", "valueString", "Хорошо"))))
                        .statusCode())
                .isEqualTo(404);
        assertThat(postAs(
                                cared.token(),
                                "/api/v1/questionnaires/" + open + "/responses",
                                map("status", "completed", "item", List.of(answer("q", "valueString", "Хорошо"))))
                        .statusCode())
                .isEqualTo(201);
    }
}
