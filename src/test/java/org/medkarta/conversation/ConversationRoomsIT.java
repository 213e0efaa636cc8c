package org.medkarta.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.medkarta.shared.NotFound;

/**
 * Rooms (SPEC D4): opening one twice adds only the missing members and only members may call; and
 * whether a person has a room open (issue 23: a patient reading the chat is not sent an SMS about
 * it): a live WebSocket session subscribed to the room, seen from the database so that every node
 * gets the same answer.
 */
class ConversationRoomsIT extends ConversationSupport {

    @Test
    void aMemberWatchesTheRoomTheySubscribedToUntilTheirSessionEnds() throws Exception {
        var patient = person("Ольга");
        var doctor = person("Пётр");
        var room = room(patient, doctor);
        var other = room(patient, doctor);
        assertThat(conversationRooms.watching(room, patient.id())).isFalse();

        try (var peer = StompPeer.connect(port, patient.token())) {
            assertThat(conversationRooms.watching(room, patient.id()))
                    .as("connected, not subscribed")
                    .isFalse();
            peer.subscribe("/topic/rooms." + room.value());
            assertThat(eventually(() -> conversationRooms.watching(room, patient.id())))
                    .isTrue();
            assertThat(conversationRooms.watching(other, patient.id())).isFalse();
            assertThat(conversationRooms.watching(room, doctor.id())).isFalse();
        }
        assertThat(eventually(() -> !conversationRooms.watching(room, patient.id())))
                .as("after the session ended")
                .isTrue();
    }

    @Test
    void aSessionWhoseNodeStoppedRefreshingItNoLongerWatches() throws Exception {
        var patient = person("Семён");
        var doctor = person("Тамара");
        var room = room(patient, doctor);
        try (var peer = StompPeer.connect(port, patient.token())) {
            peer.subscribe("/topic/rooms." + room.value());
            assertThat(eventually(() -> conversationRooms.watching(room, patient.id())))
                    .isTrue();
            // Not refreshed for longer than the grace, as the session of a node that died.
            clock.advance(Duration.ofMinutes(2));
            assertThat(conversationRooms.watching(room, patient.id())).isFalse();
        }
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < until) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
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
