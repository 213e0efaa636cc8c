package org.medkarta.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medkarta.identity.ClientInfo;
import org.medkarta.identity.Role;
import org.medkarta.shared.UserId;
import org.medkarta.testing.ApiSupport;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Outbox;
import org.springframework.beans.factory.annotation.Autowired;

/** The notification centre through the API, for the signed-in person only (SPEC H1). */
class NoticeApiIT extends ApiSupport {

    @Autowired
    Notifications notifications;

    @Autowired
    IdentityFacades identity;

    @Autowired
    DevOutbox outbox;

    @Test
    void noticesAreListedCountedAndReadOnlyByTheirOwner() {
        var alice = staff();
        var bob = staff();
        notifications.notify(alice.user(), "Запись подтверждена", "Терапевт, завтра 10:00", "/appointments");

        var list = body(getAs(alice.token(), "/api/v1/notices"));
        assertThat(list).hasSize(1);
        assertThat(body(getAs(alice.token(), "/api/v1/notices/unread-count"))
                        .get("unread")
                        .asInt())
                .isEqualTo(1);
        String id = list.get(0).get("id").asString();

        var stranger = post("/api/v1/notices/" + id + "/read", Map.of(), "Authorization", "Bearer " + bob.token());
        assertThat(stranger.statusCode()).isEqualTo(404);
        assertThat(body(getAs(bob.token(), "/api/v1/notices"))).isEmpty();

        assertThat(post("/api/v1/notices/" + id + "/read", Map.of(), "Authorization", "Bearer " + alice.token())
                        .statusCode())
                .isEqualTo(204);
        assertThat(body(getAs(alice.token(), "/api/v1/notices/unread-count"))
                        .get("unread")
                        .asInt())
                .isZero();
    }

    @Test
    void noticesNeedASignedInPerson() {
        assertThat(get("/api/v1/notices").statusCode()).isEqualTo(401);
    }

    private record Staff(UserId user, String token) {}

    private Staff staff() {
        String email = "notices-" + UUID.randomUUID() + "@clinic.example";
        var user = identity.staff()
                .invite(email, "Тестов", "Тест", null, Role.SUPPORT, null, "http://localhost", Locale.ENGLISH);
        String link = Outbox.latestLink(outbox, email);
        identity.staff().setPassword(link.substring(link.indexOf("token=") + 6), "Notices-2026");
        var signedIn = identity.signIn()
                .signInWithPassword(
                        email,
                        "Notices-2026",
                        null,
                        new ClientInfo("127.0.0.1", "test"),
                        "http://localhost",
                        Locale.ENGLISH);
        return new Staff(user, identity.tokens().tokensFor(signedIn).accessToken());
    }
}
