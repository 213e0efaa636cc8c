package org.medkarta.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.medkarta.MedkartaApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Two nodes of the app fan out through RabbitMQ's STOMP plugin ({@code
 * medkarta.conversation.broker.relay}): a message sent on one node reaches a subscriber of
 * the other, a call signal reaches its addressee's session on the other node, and the authorisation
 * of every frame and delivery still holds. Runs where a broker is given in {@code
 * MEDKARTA_TEST_STOMP_RELAY} ({@code host:port}); {@code .ci/run} enables the plugin of the
 * machine's RabbitMQ and sets it.
 */
@EnabledIfEnvironmentVariable(named = "MEDKARTA_TEST_STOMP_RELAY", matches = ".+:[0-9]+")
@TestPropertySource(
        properties = {
            "medkarta.conversation.broker.relay=true",
            "medkarta.conversation.broker.relay-host=${MEDKARTA_TEST_STOMP_RELAY_HOST:127.0.0.1}",
            "medkarta.conversation.broker.relay-port=${MEDKARTA_TEST_STOMP_RELAY_PORT:61613}"
        })
class StompRelayIT extends ConversationSupport {

    private static final long QUIET_MS = 1500;

    private static ConfigurableApplicationContext secondNode;

    @BeforeAll
    static void startTheSecondNode() {
        String[] relay = System.getenv("MEDKARTA_TEST_STOMP_RELAY").split(":");
        System.setProperty("MEDKARTA_TEST_STOMP_RELAY_HOST", relay[0]);
        System.setProperty("MEDKARTA_TEST_STOMP_RELAY_PORT", relay[1]);
        // The same database (the test run's), its own web server and broker connections.
        secondNode = new SpringApplicationBuilder(MedkartaApplication.class)
                .properties(
                        "server.port=0",
                        "medkarta.conversation.broker.relay=true",
                        "medkarta.conversation.broker.relay-host=" + relay[0],
                        "medkarta.conversation.broker.relay-port=" + relay[1])
                .run();
    }

    @AfterAll
    static void stopTheSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    private static int secondPort() {
        return ((WebServerApplicationContext) secondNode).getWebServer().getPort();
    }

    @Test
    void aMessageSentOnOneNodeReachesTheMembersOnTheOtherAndNoOneElse() throws Exception {
        var patient = person("Анна");
        var doctor = person("Борис");
        var stranger = person("Вера");
        var room = room(patient, doctor);
        try (var patientOnTheOther = StompPeer.connect(secondPort(), patient.token());
                var strangerOnTheOther = StompPeer.connect(secondPort(), stranger.token())) {
            patientOnTheOther.subscribe("/topic/rooms." + room.value());
            strangerOnTheOther.subscribe("/topic/rooms." + room.value());
            Thread.sleep(500);

            var sent = post(
                    messagesPath(room), Map.of("text", "Через брокер"), "Authorization", "Bearer " + doctor.token());
            assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);

            var received = patientOnTheOther.nextMessage(10_000);
            assertThat(received).as("delivered on the other node").isNotNull();
            assertThat(received.body().toString()).contains("Через брокер");
            assertThat(strangerOnTheOther.refusals(QUIET_MS))
                    .as("the stranger's SUBSCRIBE")
                    .isNotEmpty();
            assertThat(strangerOnTheOther.next(QUIET_MS)).isNull();
        }
    }

    @Test
    void aCallSignalReachesItsAddresseeConnectedToTheOtherNode() throws Exception {
        var patient = person("Анна");
        var doctor = person("Борис");
        var room = room(patient, doctor);
        try (var doctorHere = StompPeer.connect(port, doctor.token());
                var patientOnTheOther = StompPeer.connect(secondPort(), patient.token())) {
            patientOnTheOther.subscribe("/user/queue/signal");
            // The user registry travels between nodes by broadcast: wait until this node knows her.
            Thread.sleep(2000);

            doctorHere.send(
                    "/app/rooms/" + room.value() + "/signal",
                    Map.of("type", "offer", "sdp", "v=0 offer", "mode", "VIDEO"));
            var offer = patientOnTheOther.next(10_000);
            assertThat(offer).as("the offer on the other node").isNotNull();
            assertThat(offer.body().get("type").asString()).isEqualTo("offer");
            assertThat(offer.body().get("from").asString())
                    .isEqualTo(doctor.id().value().toString());
        }
    }
}
