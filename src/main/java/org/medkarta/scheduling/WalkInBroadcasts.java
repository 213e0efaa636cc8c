package org.medkarta.scheduling;

import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Sends a walk-in queue's board to its public STOMP topic after the change commits (through the
 * broker relay across nodes). The topic is under {@code /topic/public.}, which anyone may subscribe
 * to without signing in, so it carries what the board shows and nothing more: numbers and rooms.
 */
@Component
class WalkInBroadcasts {

    static final String TOPIC_PREFIX = "/topic/public.walk-in.";

    private final ObjectProvider<SimpMessagingTemplate> messaging;

    WalkInBroadcasts(ObjectProvider<SimpMessagingTemplate> messaging) {
        this.messaging = messaging;
    }

    static String topic(UUID queue) {
        return TOPIC_PREFIX + queue;
    }

    void board(WalkInBoard board) {
        Runnable send = () -> messaging.ifAvailable(template -> template.convertAndSend(topic(board.queueId()), board));
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
