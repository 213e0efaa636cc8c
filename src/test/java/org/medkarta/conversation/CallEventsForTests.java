package org.medkarta.conversation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Test class path only: keeps the calls' start and end events from any thread (the sweep's, a webhook's). */
@Component
class CallEventsForTests {

    final List<CallEnded> ended = new CopyOnWriteArrayList<>();
    final List<CallStarted> started = new CopyOnWriteArrayList<>();

    @EventListener
    void on(CallStarted event) {
        started.add(event);
    }

    @EventListener
    void on(CallEnded event) {
        ended.add(event);
    }

    List<CallEnded> of(RoomId room) {
        return ended.stream().filter(e -> e.roomId().equals(room)).toList();
    }

    List<CallStarted> startedIn(RoomId room) {
        return started.stream().filter(e -> e.roomId().equals(room)).toList();
    }
}
