package org.medkarta.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Whether a person has a room open (issue 23: a patient reading the chat is not sent an SMS about
 * it): a live WebSocket session subscribed to the room, seen from the database so that every node
 * gets the same answer.
 */
class RoomWatchingIT extends ConversationSupport {

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
}
