package org.medkarta.conversation;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionConnectedEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * The STOMP sessions open on this node, as the gauge {@code medkarta.stomp.sessions}: a set of
 * session ids rather than a counter, since a session can be reported closed twice (a DISCONNECT
 * frame, then the socket closing).
 */
@Component
class StompSessions {

    private final Set<String> open = ConcurrentHashMap.newKeySet();

    StompSessions(MeterRegistry meters) {
        Gauge.builder("medkarta.stomp.sessions", open, Set::size)
                .description("STOMP sessions connected to this node")
                .register(meters);
    }

    @EventListener
    void on(SessionConnectedEvent connected) {
        String id = (String) connected.getMessage().getHeaders().get("simpSessionId");
        if (id != null) {
            open.add(id);
        }
    }

    @EventListener
    void on(SessionDisconnectEvent closed) {
        open.remove(closed.getSessionId());
    }
}
