package org.medkarta.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.medkarta.shared.UserId;

/**
 * A room as its members see it.
 *
 * @param open whether new messages and calls are taken; a closed room keeps its history readable
 * @param closedAt when it was closed, or null while open
 */
public record RoomView(
        RoomId id, String title, List<Member> members, boolean open, Instant openedAt, Instant closedAt) {

    public RoomView {
        members = List.copyOf(members);
    }

    public boolean has(UserId user) {
        return members.stream().anyMatch(member -> member.userId().equals(user));
    }

    public Optional<Member> member(UserId user) {
        return members.stream().filter(member -> member.userId().equals(user)).findFirst();
    }
}
