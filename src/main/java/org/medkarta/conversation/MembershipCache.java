package org.medkarta.conversation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.medkarta.shared.UserId;
import org.springframework.stereotype.Component;

/**
 * Who is a member of which room, remembered for a few seconds so that checking every delivery of a
 * busy room does not ask the database each time. The node that changes a room's members forgets
 * that room at once; other nodes follow within {@link #TTL_SECONDS}. Only "is a member" is
 * remembered, so a new member is never refused for long. The time is the machine's monotonic clock:
 * this is a cache, not a rule of the domain.
 */
@Component
class MembershipCache {

    static final long TTL_SECONDS = 5;

    private final Rooms rooms;
    private final Map<String, Long> members = new ConcurrentHashMap<>();

    MembershipCache(Rooms rooms) {
        this.rooms = rooms;
    }

    boolean isMember(RoomId room, UserId user) {
        String key = room.value() + "/" + user.value();
        long now = System.nanoTime();
        Long until = members.get(key);
        if (until != null && until - now > 0) {
            return true;
        }
        boolean member = rooms.isMember(room, user);
        if (member) {
            members.put(key, now + TimeUnit.SECONDS.toNanos(TTL_SECONDS));
        } else {
            members.remove(key);
        }
        return member;
    }

    void forget(RoomId room) {
        String prefix = room.value() + "/";
        members.keySet().removeIf(key -> key.startsWith(prefix));
    }
}
