package org.medkarta.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
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
import org.medkarta.testing.TestPatients;
import org.medkarta.testing.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Questionnaire tests: clinic questionnaires (SPEC E9) over the API, on a real database. */
abstract class QuestionnaireSupport extends ApiSupport {

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

    Person patient() {
        Registered account =
                TestPatients.register(identity, "Анкетова", "Мария", "Ивановна", Phones.unique(), "1985-03-04");
        var user = new SignedInUser(
                account.userId(), "Мария", account.patientId(), List.of(new RoleGrant(Role.PATIENT, null)), "SMS_CODE");
        return new Person(user, identity.tokens().tokensFor(user).accessToken());
    }

    String admin(ClinicId clinic) {
        return identity.tokens()
                .tokensFor(TestStaff.administrator(identity, clinics, clinic))
                .accessToken();
    }

    HttpResponse<String> postAs(String token, String path, Object body) {
        return post(path, body, "Authorization", "Bearer " + token);
    }

    List<String> fields(HttpResponse<String> refused) {
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        return body(refused)
                .get("errors")
                .valueStream()
                .map(e -> e.get("field").asString())
                .toList();
    }

    static Object item(String linkId, String text, String type, Object... more) {
        var fields = new java.util.LinkedHashMap<String, Object>(map("linkId", linkId, "text", text, "type", type));
        fields.putAll(map(more));
        return fields;
    }

    static Object answer(String linkId, String key, Object value) {
        return map("linkId", linkId, "answer", List.of(map(key, value)));
    }

    /** The smoking questionnaire: yes/no, a count shown only on "yes", a weight fed to the diary. */
    static Object smoking(Object... more) {
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

    /** The booking event is handled after the booking commits: wait for the task, with a deadline. */
    JsonNode awaitTasks(Person patient) {
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
