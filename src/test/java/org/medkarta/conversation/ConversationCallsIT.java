package org.medkarta.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Calls (SPEC D5): recorded per room with events the owning module follows, and the ICE servers
 * that come with the API.
 */
@RecordApplicationEvents
class ConversationCallsIT extends ConversationSupport {

    @Autowired
    ApplicationEvents events;

    @Test
    void aCallStartsOnceEndsOnceAndAnnouncesItsDuration() {
        var patient = person("Анна");
        var doctor = person("Борис");
        var room = room(patient, doctor);
        var start = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        clock.freezeAt(start);

        var call = conversationCalls.startCall(room, doctor.id(), CallMode.AUDIO);
        assertThat(conversationCalls.startCall(room, patient.id(), CallMode.VIDEO))
                .isEqualTo(call);
        clock.advance(Duration.ofMinutes(7));
        var ended = conversationCalls.endCall(room, patient.id()).orElseThrow();
        assertThat(conversationCalls.endCall(room, patient.id())).isEmpty();

        assertThat(ended.duration()).isEqualTo(Duration.ofMinutes(7));
        assertThat(events.stream(CallStarted.class))
                .containsExactly(new CallStarted(room, call.id(), CallMode.AUDIO, doctor.id(), start));
        assertThat(events.stream(CallEnded.class))
                .containsExactly(new CallEnded(
                        room,
                        call.id(),
                        CallMode.AUDIO,
                        start,
                        start.plus(Duration.ofMinutes(7)),
                        Duration.ofMinutes(7),
                        patient.id()));
        assertThat(conversationCalls.calls(room)).containsExactly(ended);
    }

    @Test
    void closingTheRoomEndsTheCallAndRefusesNewOnes() {
        var patient = person("Анна");
        var doctor = person("Борис");
        var room = room(patient, doctor);
        conversationCalls.startCall(room, doctor.id(), CallMode.VIDEO);

        conversationRooms.close(room);

        assertThat(conversationCalls.calls(room))
                .singleElement()
                .satisfies(call -> assertThat(call.active()).isFalse());
        assertThat(events.stream(CallEnded.class))
                .singleElement()
                .satisfies(ended -> assertThat(ended.endedBy()).isNull());
        assertThat(events.stream(RoomClosed.class)).hasSize(1);
        assertThatThrownBy(() -> conversationCalls.startCall(room, doctor.id(), CallMode.VIDEO))
                .isInstanceOf(ConversationRefusal.class)
                .hasMessage("room-closed");
        // Closing again changes nothing.
        conversationRooms.close(room);
        assertThat(events.stream(RoomClosed.class)).hasSize(1);
    }

    @Test
    void iceServersComeWithTheApi() {
        var patient = person("Анна");
        var servers = getAs(patient.token(), "/api/v1/ice-servers");
        assertThat(servers.statusCode()).isEqualTo(200);
        assertThat(body(servers).get("iceServers").isArray()).isTrue();
        // Without TURN configured, relay-only calls could never connect: every path is allowed.
        assertThat(body(servers).get("iceTransportPolicy").asString()).isEqualTo("all");
        assertThat(get("/api/v1/ice-servers").statusCode()).isEqualTo(401);
    }
}
