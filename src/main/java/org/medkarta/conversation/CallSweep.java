package org.medkarta.conversation;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ends the calls their browsers outlived (SPEC D5): every {@code
 * medkarta.conversation.calls.sweep-interval} this node marks its WebSocket sessions seen, and a
 * call none of whose room's members has had a live session on any node for {@code
 * medkarta.conversation.calls.grace} is ended as of the moment the last of them left, with its
 * {@link CallEnded} event. Time is the injected clock, so tests move it instead of waiting.
 */
@Component
class CallSweep {

    private static final Logger log = LoggerFactory.getLogger(CallSweep.class);

    /** Ended or stale sessions are kept this long, for the record of when a call was left. */
    private static final Duration KEEP_SESSIONS = Duration.ofDays(1);

    private final Rooms rooms;
    private final ConversationCalls calls;
    private final Presence presence;
    private final ConversationProperties properties;
    private final Clock clock;

    CallSweep(Rooms rooms, ConversationCalls calls, Presence presence, ConversationProperties properties, Clock clock) {
        this.rooms = rooms;
        this.calls = calls;
        this.presence = presence;
        this.properties = properties;
        this.clock = clock;
    }

    // Every node runs it: each refreshes its own sessions; ending a call locks the room's row, so two
    // nodes sweeping at once end it once.
    @Scheduled(
            fixedDelayString = "${medkarta.conversation.calls.sweep-interval:15s}",
            initialDelayString = "${medkarta.conversation.calls.sweep-interval:15s}")
    void run() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("Call sweep failed; the next run tries again", e);
        }
    }

    /** One sweep: the calls it ended. */
    List<CallView> sweep() {
        presence.heartbeat();
        Duration grace = properties.calls().grace();
        var ended = new ArrayList<CallView>();
        for (var call : rooms.activeCalls()) {
            calls.endIfUnattended(call.roomId(), grace).ifPresent(ended::add);
        }
        presence.forgetOlderThan(clock.instant().minus(KEEP_SESSIONS.plus(grace)));
        if (!ended.isEmpty()) {
            log.info("Calls ended after their participants left: {}", ended.size());
        }
        return ended;
    }
}
