package org.medkarta.consultation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Test class path only: keeps the consultation module's events so that tests can read them. */
@Component
class ConsultationEventsForTests {

    final List<Object> seen = new CopyOnWriteArrayList<>();

    @EventListener
    void on(ConsultationOpened event) {
        seen.add(event);
    }

    @EventListener
    void on(ConsultationTaken event) {
        seen.add(event);
    }

    @EventListener
    void on(ConsultationClosed event) {
        seen.add(event);
    }

    @EventListener
    void on(ProtocolSent event) {
        seen.add(event);
    }

    <T> List<T> of(Class<T> type) {
        return seen.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
