package org.medkarta.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medkarta.testing.Outbox;

/** {@link SupportQueue}: help requests and callback orders (SPEC B7). */
class SupportQueueIT extends ClinicApiSupport {

    @Test
    void aSignedOutVisitorAsksForHelpAndTheReplyReachesTheirMailbox() {
        String visitor = email("visitor");
        var noContact =
                post("/api/v1/support/requests", Map.of("kind", "HELP", "topic", "Вход", "text", "Не могу войти"));
        var filed = post(
                "/api/v1/support/requests",
                Map.of("kind", "HELP", "email", visitor, "topic", "Вход", "text", "Не приходит код"));

        assertThat(noContact.statusCode()).isEqualTo(422);
        assertThat(body(noContact).get("field").asString()).isEqualTo("email");
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        String id = body(filed).get("id").asString();
        String admin = platformAdmin();
        assertThat(getAs(admin, "/api/v1/support/requests?state=NEW").body()).contains(id);
        assertThat(body(postAs(admin, "/api/v1/support/requests/" + id + "/take", Map.of()))
                        .get("state")
                        .asString())
                .isEqualTo("IN_PROGRESS");

        var replied = postAs(
                admin,
                "/api/v1/support/requests/" + id + "/reply",
                Map.of("text", "Проверьте номер телефона в профиле.", "done", true));

        assertThat(body(replied).get("state").asString()).isEqualTo("DONE");
        var mail = Outbox.to(outbox, visitor, 1).get(0);
        assertThat(mail.body()).contains("Проверьте номер телефона в профиле.");
        assertThat(getAs(admin, "/api/v1/support/requests?state=NEW").body()).doesNotContain(id);
    }

    @Test
    void aCallbackNeedsAPhoneAndAClinicAdministratorSeesOnlyRequestsAboutTheirClinic() {
        String[] a = clinicWithAdmin("Поликлиника Е");
        String[] b = clinicWithAdmin("Поликлиника Ж");
        var noPhone = post("/api/v1/support/requests", Map.of("kind", "CALLBACK", "topic", "Запись"));
        var aboutA = post(
                "/api/v1/support/requests",
                Map.of(
                        "kind",
                        "CALLBACK",
                        "phone",
                        "+79161234567",
                        "topic",
                        "Запись",
                        "preferredTime",
                        "после 18:00",
                        "clinicId",
                        a[0]));
        String id = body(aboutA).get("id").asString();

        assertThat(noPhone.statusCode()).isEqualTo(422);
        assertThat(body(noPhone).get("field").asString()).isEqualTo("phone");
        assertThat(aboutA.statusCode()).as(aboutA.body()).isEqualTo(201);
        assertThat(getAs(a[1], "/api/v1/support/requests").body()).contains(id);
        assertThat(getAs(b[1], "/api/v1/support/requests").body()).doesNotContain(id);
        assertThat(postAs(b[1], "/api/v1/support/requests/" + id + "/reply", Map.of("text", "Чужой ответ"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(postAs(b[1], "/api/v1/support/requests/" + id + "/take", Map.of())
                        .statusCode())
                .isEqualTo(404);
        assertThat(getAs(patient(), "/api/v1/support/requests").statusCode()).isEqualTo(403);
        assertThat(body(postAs(a[1], "/api/v1/support/requests/" + id + "/close", Map.of()))
                        .get("state")
                        .asString())
                .isEqualTo("DONE");
    }
}
