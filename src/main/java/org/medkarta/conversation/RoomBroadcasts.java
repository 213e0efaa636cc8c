package org.medkarta.conversation;

import java.util.Map;
import org.medkarta.shared.UserId;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the members of a room what happened in it, through the STOMP broker (in memory on one node,
 * RabbitMQ across nodes). Sends wait for the transaction to commit, so nobody sees a message that a
 * rollback takes back, and a reader polling right after the event finds it stored.
 */
@Component
class RoomBroadcasts {

    static final String ROOM_TOPIC_PREFIX = "/topic/rooms.";
    static final String SIGNAL_QUEUE = "/queue/signal";

    private final SimpMessagingTemplate messaging;

    RoomBroadcasts(SimpMessagingTemplate messaging) {
        this.messaging = messaging;
    }

    static String topic(RoomId room) {
        return ROOM_TOPIC_PREFIX + room.value();
    }

    void message(MessageView message) {
        toRoom(message.roomId(), Map.of("kind", "message", "message", message));
    }

    void read(RoomId room, UserId reader, long seq) {
        toRoom(room, Map.of("kind", "read", "userId", reader, "seq", seq));
    }

    void call(CallView call) {
        toRoom(call.roomId(), Map.of("kind", "call", "call", call, "active", call.active()));
    }

    void closed(RoomId room) {
        toRoom(room, Map.of("kind", "closed"));
    }

    void signal(UserId to, RelayedSignal signal) {
        afterCommit(() -> messaging.convertAndSendToUser(to.value().toString(), SIGNAL_QUEUE, signal));
    }

    private void toRoom(RoomId room, Object payload) {
        afterCommit(() -> messaging.convertAndSend(topic(room), payload));
    }

    private static void afterCommit(Runnable send) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send.run();
                }
            });
        } else {
            send.run();
        }
    }
}
