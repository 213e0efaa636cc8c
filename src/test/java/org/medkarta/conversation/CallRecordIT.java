package org.medkarta.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medkarta.shared.NotFound;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** Calls are recorded per room with events the owning module follows (SPEC D5). */
@RecordApplicationEvents
class CallRecordIT extends ConversationSupport {

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
    void openingTwiceAddsOnlyMissingMembersAndOnlyMembersMayCall() {
        var patient = person("Анна");
        var doctor = person("Борис");
        var representative = person("Галина");
        var room = new RoomId(UUID.randomUUID());
        conversationRooms.open(room, "Консультация", List.of(patient.as("PATIENT"), doctor.as("DOCTOR")));
        var again = conversationRooms.open(
                room, "Другое название", List.of(doctor.as("DOCTOR"), representative.as("REPRESENTATIVE")));

        assertThat(again.title()).isEqualTo("Консультация");
        assertThat(again.members())
                .extracting(Member::userId)
                .containsExactlyInAnyOrder(patient.id(), doctor.id(), representative.id());
        assertThatThrownBy(
                        () -> conversationCalls.startCall(room, person("Вера").id(), CallMode.VIDEO))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> conversationRooms.addMember(new RoomId(UUID.randomUUID()), doctor.as("DOCTOR")))
                .isInstanceOf(NotFound.class);
    }
}
