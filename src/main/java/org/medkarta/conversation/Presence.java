package org.medkarta.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.medkarta.shared.Columns;
import org.medkarta.shared.UserId;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Who has a live WebSocket session (SPEC D5: a call whose browsers are gone must end). This node
 * knows its own sessions; every node writes them to {@code conversation_session} and refreshes
 * {@code seen_at} by {@link #heartbeat()}, so the sweep on any node sees sessions of all nodes, and
 * the sessions of a node that died go stale instead of living forever. A session ends on a
 * DISCONNECT frame or when its transport closes without one (a killed browser, a lost network):
 * both raise {@link SessionDisconnectEvent}.
 */
@Component
class Presence {

    /** A live session on this node: the row that stands for it and whose it is. */
    record Live(UUID id, UserId user) {}

    private static final int HEARTBEAT_BATCH = 1000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Live> local = new ConcurrentHashMap<>();

    Presence(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void connected(String sessionId, UserId user) {
        if (sessionId == null) {
            return;
        }
        var live = new Live(UUID.randomUUID(), user);
        var previous = local.put(sessionId, live);
        Instant now = clock.instant();
        if (previous != null) {
            end(previous, now);
        }
        jdbc.sql("""
                        INSERT INTO conversation_session (id, user_id, connected_at, seen_at)
                        VALUES (:id, :user, :now, :now)
                        """)
                .param("id", live.id())
                .param("user", user.value())
                .param("now", Columns.utc(now))
                .update();
    }

    /**
     * The session subscribed to a room's messages: stored, so that any node can tell that its person
     * has the room open. Kept until the session is forgotten: a page unsubscribes only by leaving,
     * which ends the session.
     */
    void subscribed(String sessionId, RoomId room) {
        var live = sessionId == null ? null : local.get(sessionId);
        if (live == null) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO conversation_session_room (session_id, room_id)
                        VALUES (:session, :room)
                        ON CONFLICT DO NOTHING
                        """).param("session", live.id()).param("room", room.value()).update();
    }

    /**
     * Whether one of these people has a live session (not ended, seen within {@code stale}) on any
     * node that subscribed to the room's messages.
     */
    boolean watching(RoomId room, Collection<UserId> users, Duration stale) {
        if (users.isEmpty()) {
            return false;
        }
        return jdbc.sql("""
                        SELECT COUNT(*) FROM conversation_session_room r
                        JOIN conversation_session s ON s.id = r.session_id
                        WHERE r.room_id = :room AND s.user_id IN (:users)
                          AND s.ended_at IS NULL AND s.seen_at >= :fresh
                        """)
                        .param("room", room.value())
                        .param("users", users.stream().map(UserId::value).toList())
                        .param("fresh", Columns.utc(clock.instant().minus(stale)))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Whose the session of this node is, while it lives. */
    Optional<UserId> user(String sessionId) {
        return Optional.ofNullable(sessionId).map(local::get).map(Live::user);
    }

    @EventListener
    void on(SessionDisconnectEvent closed) {
        disconnected(closed.getSessionId());
    }

    void disconnected(String sessionId) {
        var live = sessionId == null ? null : local.get(sessionId);
        if (live != null) {
            // Stored before forgotten here, so that whoever sees the session gone finds when it ended.
            end(live, clock.instant());
            local.remove(sessionId, live);
        }
    }

    private void end(Live live, Instant now) {
        jdbc.sql("UPDATE conversation_session SET ended_at = :now WHERE id = :id AND ended_at IS NULL")
                .param("id", live.id())
                .param("now", Columns.utc(now))
                .update();
    }

    /** Marks this node's sessions seen now, a thousand at a time (a statement's parameters are limited). */
    void heartbeat() {
        var ids = local.values().stream().map(Live::id).toList();
        var now = Columns.utc(clock.instant());
        for (int from = 0; from < ids.size(); from += HEARTBEAT_BATCH) {
            jdbc.sql("UPDATE conversation_session SET seen_at = :now WHERE id IN (:ids) AND ended_at IS NULL")
                    .param("now", now)
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + HEARTBEAT_BATCH)))
                    .update();
        }
    }

    /** Whether one of these people has a live session on this node. */
    boolean anyLocal(Collection<UserId> users) {
        return local.values().stream().anyMatch(live -> users.contains(live.user()));
    }

    /**
     * When one of these people was last connected, on any node: now when a session of theirs is
     * live (not ended and seen within {@code stale}), otherwise when their latest session ended or
     * was last seen; empty when they never had one.
     */
    Optional<Instant> lastSeen(Collection<UserId> users, Duration stale) {
        if (users.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (anyLocal(users)) {
            return Optional.of(now);
        }
        var ids = users.stream().map(UserId::value).toList();
        long live = jdbc.sql("""
                        SELECT COUNT(*) FROM conversation_session
                        WHERE user_id IN (:users) AND ended_at IS NULL AND seen_at >= :fresh
                        """)
                .param("users", ids)
                .param("fresh", Columns.utc(now.minus(stale)))
                .query(Long.class)
                .single();
        if (live > 0) {
            return Optional.of(now);
        }
        return jdbc.sql("""
                        SELECT MAX(COALESCE(ended_at, seen_at)) AS last_seen
                        FROM conversation_session WHERE user_id IN (:users)
                        """)
                .param("users", ids)
                .query((row, n) -> Optional.ofNullable(Columns.instant(row, "last_seen")))
                .single();
    }

    /** Forgets sessions that ended or went stale long ago. */
    int forgetOlderThan(Instant before) {
        return jdbc.sql("DELETE FROM conversation_session WHERE COALESCE(ended_at, seen_at) < :before")
                .param("before", Columns.utc(before))
                .update();
    }
}
