package org.medkarta.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A call outlives its browsers only for the grace period (SPEC D5): when no member of the room has
 * a live WebSocket session for {@code medkarta.conversation.calls.grace} (60 s), the sweep ends the
 * call as of the moment the last one left, records its duration and announces {@link CallEnded};
 * a reconnect within the grace keeps the call. The clock is moved, never waited for.
 */
class CallSweepIT extends ConversationSupport {

    private static final Duration GRACE = Duration.ofSeconds(60);

    @Autowired
    CallSweep sweep;

    @Autowired
    Presence presence;

    @Autowired
    CallEventsForTests calls;

    @Test
    void aCallWhoseBrowsersAreGoneEndsAfterTheGraceAndAReconnectWithinItKeepsTheCall() throws Exception {
        var patient = person("Анна");
        var doctor = person("Борис");
        var room = room(patient, doctor);
        Instant start = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        clock.freezeAt(start);

        var doctorPeer = StompPeer.connect(port, doctor.token());
        var patientPeer = StompPeer.connect(port, patient.token());
        doctorPeer.subscribe("/user/queue/signal");
        patientPeer.subscribe("/user/queue/signal");
        Thread.sleep(300);
        doctorPeer.send(
                "/app/rooms/" + room.value() + "/signal", Map.of("type", "offer", "sdp", "v=0", "mode", "VIDEO"));
        assertThat(patientPeer.next(5000)).isNotNull();
        patientPeer.send(
                "/app/rooms/" + room.value() + "/signal", Map.of("type", "answer", "sdp", "v=0", "mode", "VIDEO"));
        assertThat(doctorPeer.next(5000)).isNotNull();
        var call = conversationCalls.activeCall(room, doctor.id()).orElseThrow();
        assertThat(call.startedAt()).isEqualTo(start);

        // Both browsers die five minutes into the call; the sweep keeps it within the grace.
        clock.advance(Duration.ofMinutes(5));
        Instant firstDrop = clock.instant();
        doctorPeer.close();
        patientPeer.close();
        awaitGone(patient, doctor);
        clock.advance(Duration.ofSeconds(30));
        sweep.sweep();
        assertThat(conversationCalls.activeCall(room, doctor.id())).contains(call);

        // The patient comes back within the grace: the call goes on while they are connected.
        var back = StompPeer.connect(port, patient.token());
        clock.advance(Duration.ofMinutes(2));
        sweep.sweep();
        assertThat(conversationCalls.activeCall(room, doctor.id())).contains(call);
        assertThat(firstDrop.plus(GRACE)).isBefore(clock.instant());

        // Then they are gone for good: not yet at 59 s, ended at 60 s as of when they left.
        Instant lastDrop = clock.instant();
        back.close();
        awaitGone(patient, doctor);
        clock.advance(GRACE.minusSeconds(1));
        sweep.sweep();
        assertThat(conversationCalls.activeCall(room, doctor.id())).contains(call);
        clock.advance(Duration.ofSeconds(1));
        sweep.sweep();

        assertThat(conversationCalls.activeCall(room, doctor.id())).isEmpty();
        var ended = conversationCalls.calls(room).get(0);
        assertThat(ended.endedAt()).isEqualTo(lastDrop);
        assertThat(ended.endedBy()).isNull();
        assertThat(ended.duration()).isEqualTo(Duration.between(start, lastDrop));
        assertThat(calls.of(room))
                .containsExactly(new CallEnded(
                        room, call.id(), CallMode.VIDEO, start, lastDrop, Duration.between(start, lastDrop), null));
        // Sweeping again ends nothing twice.
        clock.advance(Duration.ofMinutes(5));
        assertThat(sweep.sweep()).noneMatch(c -> c.roomId().equals(room));
        assertThat(calls.of(room)).hasSize(1);
    }

    @Test
    void aCallGoesOnWhileOneParticipantStaysConnected() throws Exception {
        var patient = person("Анна");
        var doctor = person("Борис");
        var room = room(patient, doctor);
        clock.freezeAt(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        try (var doctorPeer = StompPeer.connect(port, doctor.token())) {
            var call = conversationCalls.startCall(room, patient.id(), CallMode.AUDIO);
            clock.advance(Duration.ofMinutes(30));
            sweep.sweep();
            assertThat(conversationCalls.activeCall(room, doctor.id())).contains(call);
            assertThat(doctorPeer.connected()).isTrue();
        }
        awaitGone(patient, doctor);
        clock.advance(GRACE);
        sweep.sweep();
        assertThat(conversationCalls.activeCall(room, doctor.id())).isEmpty();
    }

    /** The server noticed the closed connections (it learns it on its own threads). */
    private void awaitGone(Person... people) throws InterruptedException {
        var users = java.util.Arrays.stream(people).map(Person::id).toList();
        long until = System.currentTimeMillis() + 10_000;
        while (presence.anyLocal(users) && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }
        assertThat(presence.anyLocal(users)).isFalse();
    }
}
