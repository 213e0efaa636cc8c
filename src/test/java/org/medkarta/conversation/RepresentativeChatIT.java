package org.medkarta.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.medkarta.notification.DevOutbox;
import org.medkarta.testing.Delegations;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The patient's side of a room (SPEC D4: "the patient, a representative with full control, the
 * doctor — nobody else"): a grantee with full control and a parent of a child under 15 subscribe,
 * send, read and mark read as the access module decides at each request and frame; the very next
 * SUBSCRIBE, SEND or API call after a revocation or the 15th birthday is refused, and a grantee who
 * may only view never takes part.
 */
class RepresentativeChatIT extends ConversationSupport {

    private static final long QUIET_MS = 1500;
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Autowired
    DevOutbox outbox;

    RoomId roomAbout(Person patient, Person doctor) {
        var id = new RoomId(UUID.randomUUID());
        conversationRooms.open(
                id, "Консультация терапевта", patient.patient(), List.of(patient.as("PATIENT"), doctor.as("DOCTOR")));
        return id;
    }

    @Test
    void aGranteeWithFullControlTalksOverStompAndTheApiUntilTheGrantIsRevoked() throws Exception {
        var patient = person("Анна");
        var doctor = person("Борис");
        var grantee = person("Галина");
        var room = roomAbout(patient, doctor);
        UUID grant = Delegations.grant(this, outbox, patient.holder(), patient.patient(), grantee.holder(), "FULL");
        String topic = "/topic/rooms." + room.value();

        try (var doctorPeer = StompPeer.connect(port, doctor.token());
                var granteePeer = StompPeer.connect(port, grantee.token());
                var granteeTablet = StompPeer.connect(port, grantee.token())) {
            doctorPeer.subscribe(topic);
            granteePeer.subscribe(topic);
            granteeTablet.subscribe(topic);
            granteePeer.subscribe("/user/queue/errors");
            Thread.sleep(300);
            assertThat(granteePeer.connected()).isTrue();

            var asked = post(messagesPath(room), map("text", "Как самочувствие?"), bearer(doctor));
            assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
            assertThat(message(granteePeer, "Как самочувствие?")).isNotNull();

            granteePeer.send("/app/rooms/" + room.value() + "/messages", Map.of("text", "Температура спала"));
            var fromGrantee = message(doctorPeer, "Температура спала");
            assertThat(fromGrantee).isNotNull();
            assertThat(fromGrantee.body().get("message").get("authorId").asString())
                    .isEqualTo(grantee.id().value().toString());
            assertThat(fromGrantee.body().get("message").get("authorName").asString())
                    .isEqualTo("Собеседников Галина");
            assertThat(fromGrantee.body().get("message").get("authorRole").asString())
                    .isEqualTo("REPRESENTATIVE");

            var posted = post(messagesPath(room), map("text", "Анализы пришлю вечером"), bearer(grantee));
            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
            assertThat(body(posted).get("authorRole").asString()).isEqualTo("REPRESENTATIVE");
            assertThat(message(doctorPeer, "Анализы пришлю вечером")).isNotNull();
            assertThat(message(granteeTablet, "Анализы пришлю вечером")).isNotNull();
            var history = getAs(grantee.token(), messagesPath(room));
            assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
            var texts = new java.util.ArrayList<String>();
            body(history).forEach(m -> texts.add(m.get("text").asString()));
            assertThat(texts).containsExactly("Как самочувствие?", "Температура спала", "Анализы пришлю вечером");
            var read = post(messagesPath(room) + "/read", map(), bearer(grantee));
            assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
            assertThat(body(read).get("unread").asLong()).isZero();
            assertThat(chatMessages.unread(room, doctor.id())).isEqualTo(2);
            // The patient sees who wrote what, the representative named as such.
            assertThat(chatMessages.messages(room, patient.id(), null, 10))
                    .filteredOn(m -> m.authorId().equals(grantee.id()))
                    .extracting(MessageView::authorRole)
                    .containsOnly("REPRESENTATIVE");

            Delegations.revoke(this, outbox, patient.holder(), grant);

            // The very next frame of the open connection is refused, and nothing reaches the room.
            granteePeer.send("/app/rooms/" + room.value() + "/messages", Map.of("text", "После отзыва"));
            granteePeer.lost.get(5, TimeUnit.SECONDS);
            assertThat(doctorPeer.nextMessage(QUIET_MS)).isNull();
            assertThat(chatMessages.messages(room, doctor.id(), null, 10))
                    .extracting(MessageView::text)
                    .doesNotContain("После отзыва");

            // Their other connection, subscribed before, receives nothing the doctor writes now.
            var after = post(messagesPath(room), map("text", "Доступ отозван?"), bearer(doctor));
            assertThat(after.statusCode()).isEqualTo(201);
            assertThat(message(doctorPeer, "Доступ отозван?")).isNotNull();
            assertThat(granteeTablet.nextMessage(QUIET_MS)).isNull();
        }
        try (var again = StompPeer.connect(port, grantee.token())) {
            again.subscribe("/topic/rooms." + room.value());
            again.lost.get(5, TimeUnit.SECONDS);
            assertThat(again.refusals(5000)).contains("not-found");
        }
        var reading = getAs(grantee.token(), messagesPath(room));
        assertThat(reading.statusCode()).isEqualTo(404);
        assertThat(problem(reading)).isEqualTo("not-found");
        assertThat(post(messagesPath(room), map("text", "Ещё раз"), bearer(grantee))
                        .statusCode())
                .isEqualTo(404);
        assertThat(post(messagesPath(room) + "/read", map(), bearer(grantee)).statusCode())
                .isEqualTo(404);
        assertThat(getAs(grantee.token(), "/api/v1/consultations/" + room.value() + "/calls")
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aGranteeWhoMayOnlyViewAndAStrangerNeverTakePart() throws Exception {
        var patient = person("Анна");
        var doctor = person("Борис");
        var viewer = person("Дарья");
        var stranger = person("Вера");
        var room = roomAbout(patient, doctor);
        Delegations.grant(this, outbox, patient.holder(), patient.patient(), viewer.holder(), "VIEW_DOWNLOAD");

        try (var viewerPeer = StompPeer.connect(port, viewer.token());
                var strangerPeer = StompPeer.connect(port, stranger.token());
                var doctorPeer = StompPeer.connect(port, doctor.token())) {
            doctorPeer.subscribe("/topic/rooms." + room.value());
            viewerPeer.subscribe("/topic/rooms." + room.value());
            viewerPeer.lost.get(5, TimeUnit.SECONDS);
            assertThat(viewerPeer.refusals(5000)).contains("not-found");
            strangerPeer.send("/app/rooms/" + room.value() + "/messages", Map.of("text", "Я тоже"));
            strangerPeer.lost.get(5, TimeUnit.SECONDS);
            assertThat(doctorPeer.nextMessage(QUIET_MS)).isNull();
            assertThat(viewerPeer.received).isEmpty();
        }
        for (var outsider : List.of(viewer, stranger)) {
            assertThat(getAs(outsider.token(), messagesPath(room)).statusCode()).isEqualTo(404);
            assertThat(post(messagesPath(room), map("text", "Можно?"), bearer(outsider))
                            .statusCode())
                    .isEqualTo(404);
        }
        assertThat(chatMessages.messages(room, doctor.id(), null, 10)).isEmpty();
    }

    @Test
    void aParentTakesPartForAChildUnderFifteenAndNotFromTheFifteenthBirthday() throws Exception {
        var parent = person("Елена");
        var doctor = person("Борис");
        LocalDate born = LocalDate.now(MOSCOW).minusYears(15).plusDays(3);
        var child = Delegations.child(this, parent.holder(), born);
        var room = new RoomId(UUID.randomUUID());
        conversationRooms.open(room, "Консультация педиатра", child, List.of(doctor.as("DOCTOR")));

        try (var parentPeer = StompPeer.connect(port, parent.token());
                var doctorPeer = StompPeer.connect(port, doctor.token())) {
            parentPeer.subscribe("/topic/rooms." + room.value());
            doctorPeer.subscribe("/topic/rooms." + room.value());
            Thread.sleep(300);
            parentPeer.send("/app/rooms/" + room.value() + "/messages", Map.of("text", "Сын кашляет третий день"));
            var delivered = message(doctorPeer, "Сын кашляет третий день");
            assertThat(delivered).isNotNull();
            assertThat(delivered.body().get("message").get("authorRole").asString())
                    .isEqualTo("REPRESENTATIVE");
            var history = getAs(parent.token(), messagesPath(room));
            assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
        }

        clock.freezeAt(born.plusYears(15).atStartOfDay(MOSCOW).toInstant().plus(Duration.ofHours(1)));
        var grownUp = again(parent);
        assertThat(getAs(grownUp.token(), messagesPath(room)).statusCode()).isEqualTo(404);
        assertThat(post(messagesPath(room), map("text", "А теперь?"), bearer(grownUp))
                        .statusCode())
                .isEqualTo(404);
        try (var late = StompPeer.connect(port, grownUp.token())) {
            late.subscribe("/topic/rooms." + room.value());
            late.lost.get(5, TimeUnit.SECONDS);
            assertThat(late.refusals(5000)).contains("not-found");
        }
        assertThat(conversationRooms.isMember(room, parent.id())).isFalse();
    }

    /** The next message frame with this text, skipping others, within five seconds; or null. */
    private static StompPeer.Received message(StompPeer peer, String text) throws InterruptedException {
        long until = System.currentTimeMillis() + 5000;
        StompPeer.Received frame;
        while ((frame = peer.nextMessage(Math.max(1, until - System.currentTimeMillis()))) != null) {
            var message = frame.body().get("message");
            if (message != null && text.equals(message.get("text").asString())) {
                return frame;
            }
        }
        return null;
    }

    private static String[] bearer(Person person) {
        return new String[] {"Authorization", "Bearer " + person.token()};
    }
}
