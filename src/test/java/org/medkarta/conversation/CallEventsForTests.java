package org.medkarta.conversation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Test class path only: keeps the calls' end events from any thread (the sweep runs on the scheduler's). */
@Component
class CallEventsForTests {

    final List<CallEnded> ended = new CopyOnWriteArrayList<>();

    @EventListener
    void on(CallEnded event) {
        ended.add(event);
    }

    List<CallEnded> of(RoomId room) {
        return ended.stream().filter(e -> e.roomId().equals(room)).toList();
    }
}
