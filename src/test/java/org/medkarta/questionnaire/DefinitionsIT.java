package org.medkarta.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.medkarta.testing.TestClinics;
import tools.jackson.databind.JsonNode;

/**
 * A clinic's administrator defines questionnaires (SPEC E9, issue 17): checked field by field,
 * published versions never change.
 */
class DefinitionsIT extends QuestionnaireSupport {

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
}
