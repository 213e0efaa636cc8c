package org.medkarta.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medkarta.clinic.DoctorView;
import org.medkarta.identity.Registered;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.Booking;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Clinic questionnaires (SPEC E9) over the API, on a real database. */
class QuestionnaireIT extends ApiSupport {

    @Autowired
    ClinicFacades clinics;

    @Autowired
    ScheduleTemplates scheduleTemplates;

    @Autowired
    SlotSearch slotSearch;

    @Autowired
    Booking booking;

    @Autowired
    IdentityFacades identity;

    @Autowired
    Sending sending;

    @Autowired
    JdbcClient jdbc;

    record Person(SignedInUser user, String token) {
        String id() {
            return user.patientId().value().toString();
        }
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Person patient() {
        Registered account =
                TestPatients.register(identity, "Анкетова", "Мария", "Ивановна", Phones.unique(), "1985-03-04");
        var user = new SignedInUser(
                account.userId(), "Мария", account.patientId(), List.of(new RoleGrant(Role.PATIENT, null)), "SMS_CODE");
        return new Person(user, identity.tokens().tokensFor(user).accessToken());
    }

    private String admin(ClinicId clinic) {
        return identity.tokens()
                .tokensFor(TestStaff.administrator(identity, clinics, clinic))
                .accessToken();
    }

    private HttpResponse<String> postAs(String token, String path, Object body) {
        return post(path, body, "Authorization", "Bearer " + token);
    }

    private List<String> fields(HttpResponse<String> refused) {
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        return body(refused)
                .get("errors")
                .valueStream()
                .map(e -> e.get("field").asString())
                .toList();
    }

    private static Object item(String linkId, String text, String type, Object... more) {
        var fields = new java.util.LinkedHashMap<String, Object>(map("linkId", linkId, "text", text, "type", type));
        fields.putAll(map(more));
        return fields;
    }

    private static Object answer(String linkId, String key, Object value) {
        return map("linkId", linkId, "answer", List.of(map(key, value)));
    }

    /** The smoking questionnaire: yes/no, a count shown only on "yes", a weight fed to the diary. */
    private static Object smoking(Object... more) {
        var body = new java.util.LinkedHashMap<String, Object>(map(
                "title",
                "Перед приёмом",
                "item",
                List.of(
                        item("smoke", "Вы курите?", "boolean", "required", true),
                        item(
                                "cigs",
                                "Сколько сигарет в день?",
                                "decimal",
                                "required",
                                true,
                                "minValue",
                                1,
                                "maxValue",
                                100,
                                "enableWhen",
                                List.of(map("question", "smoke", "operator", "=", "answerBoolean", true))),
                        item("weight", "Вес", "decimal", "measure", "WEIGHT", "minValue", 20, "maxValue", 300))));
        body.putAll(map(more));
        return body;
    }

    @Test
    void definitionsAreCheckedFieldByFieldAndAPublishedVersionNeverChanges() {
        var clinic = TestClinics.register(clinics, "Клиника анкет").id();
        String admin = admin(clinic);
        String path = "/api/v1/clinics/" + clinic.value() + "/questionnaires";
        var bad = postAs(
                admin,
                path,
                map(
                        "title",
                        "",
                        "item",
                        List.of(
                                item("a", "Возраст", "decimal", "minValue", 10, "maxValue", 5),
                                item("a", "Ещё", "string"),
                                item("c", "Выбор", "choice"),
                                item(
                                        "d",
                                        "Условие",
                                        "string",
                                        "enableWhen",
                                        List.of(map("question", "e", "answerString", "x"))),
                                item("e", "Давление", "string", "measure", "WEIGHT"))));
        assertThat(fields(bad))
                .containsExactlyInAnyOrder(
                        "title",
                        "item[0].maxValue",
                        "item[1].linkId",
                        "item[2].answerOption",
                        "item[3].enableWhen.question",
                        "item[4].measure");

        var created = postAs(admin, path, smoking());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode v1 = body(created);
        assertThat(v1.get("status").asString()).isEqualTo("draft");
        assertThat(v1.get("item")
                        .get(1)
                        .get("enableWhen")
                        .get(0)
                        .get("answerBoolean")
                        .asBoolean())
                .isTrue();
        String id = v1.get("id").asString();

        var otherAdmin = admin(TestClinics.register(clinics, "Чужая").id());
        assertThat(getAs(otherAdmin, "/api/v1/questionnaires/" + id).statusCode())
                .isEqualTo(404);
        assertThat(getAs(otherAdmin, path).statusCode()).isEqualTo(404);

        var published = postAs(admin, "/api/v1/questionnaires/" + id + "/publish", map());
        assertThat(body(published).get("status").asString()).isEqualTo("active");
        assertThat(putAs(admin, "/api/v1/questionnaires/" + id, smoking()).statusCode())
                .isEqualTo(409);
        var v2 = postAs(admin, "/api/v1/questionnaires/" + id + "/versions", map());
        assertThat(v2.statusCode()).isEqualTo(201);
        assertThat(body(v2).get("version").asInt()).isEqualTo(2);
        assertThat(body(v2).get("status").asString()).isEqualTo("draft");
        String v2id = body(v2).get("id").asString();
        assertThat(putAs(admin, "/api/v1/questionnaires/" + v2id, smoking("title", "Перед приёмом, v2"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(postAs(admin, "/api/v1/questionnaires/" + v2id + "/publish", map())
                        .statusCode())
                .isEqualTo(200);
        assertThat(body(getAs(admin, "/api/v1/questionnaires/" + id))
                        .get("status")
                        .asString())
                .isEqualTo("retired");
    }

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

    /** The booking event is handled after the booking commits: wait for the task, with a deadline. */
    private JsonNode awaitTasks(Person patient) {
        Instant deadline = Instant.now().plusSeconds(15);
        while (true) {
            var tasks = body(getAs(patient.token(), "/api/v1/patients/" + patient.id() + "/questionnaire-tasks"));
            if (!tasks.isEmpty() || Instant.now().isAfter(deadline)) {
                assertThat(tasks).as("questionnaire tasks").isNotEmpty();
                return tasks;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError(interrupted);
            }
        }
    }
}
