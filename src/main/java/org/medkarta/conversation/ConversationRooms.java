package org.medkarta.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rooms and who takes part in them (SPEC D4, D5): the owning module (consultations) opens a room
 * under its own id with the people who belong in it, adds and removes members as its rules say, and
 * closes it when it is over; a closed room keeps its history readable and takes no new messages or
 * calls, and a call that goes on is ended. A room about a patient also lets in whoever may act for
 * that patient at the time of each request (see {@link RoomAccess}). What a person asks for answers
 * {@link NotFound} to anyone who does not take part (SPEC D4: "nobody else"), so that a stranger
 * cannot even tell that the room exists. Messages are {@link ChatMessages}, calls {@link
 * ConversationCalls}.
 */
@Service
public class ConversationRooms {

    private final Rooms rooms;
    private final ConversationCalls calls;
    private final RoomBroadcasts broadcasts;
    private final RoomAccess access;
    private final Presence presence;
    private final ApplicationEventPublisher events;
    private final ConversationProperties properties;
    private final Clock clock;

    ConversationRooms(
            Rooms rooms,
            ConversationCalls calls,
            RoomBroadcasts broadcasts,
            RoomAccess access,
            Presence presence,
            ApplicationEventPublisher events,
            ConversationProperties properties,
            Clock clock) {
        this.rooms = rooms;
        this.calls = calls;
        this.broadcasts = broadcasts;
        this.access = access;
        this.presence = presence;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Opens a room under an id the caller chooses. Opening a room that exists already adds the
     * members it lacks and changes nothing else, so a redelivered event opens nothing twice.
     */
    @Transactional
    public RoomView open(RoomId room, String title, Collection<Member> members) {
        return open(room, title, null, members);
    }

    /**
     * Opens a room about a patient: besides its members, whoever may act for {@code subject} right
     * now (the patient's own account, a parent of a child under 15, a grantee with full control; the
     * access module decides and audits it at each request) takes part as the patient's side, and
     * stops taking part the moment that right ends (SPEC D4).
     */
    @Transactional
    public RoomView open(RoomId room, String title, PatientId subject, Collection<Member> members) {
        Instant now = clock.instant();
        String cleanTitle = title == null || title.isBlank() ? "—" : title.strip();
        rooms.insert(room, cleanTitle.length() > 300 ? cleanTitle.substring(0, 300) : cleanTitle, subject, now);
        for (Member member : members) {
            rooms.addMember(room, member, now);
        }
        return rooms.find(room).orElseThrow();
    }

    /** Adds a member (a doctor taking over, a representative); nothing changes if they are in it. */
    @Transactional
    public RoomView addMember(RoomId room, Member member) {
        requireRoom(room);
        rooms.addMember(room, member, clock.instant());
        return rooms.find(room).orElseThrow();
    }

    /**
     * Removes a member: from now on they get nothing of the room, neither its history nor what is
     * delivered to subscribers.
     */
    @Transactional
    public RoomView removeMember(RoomId room, UserId user) {
        requireRoom(room);
        rooms.removeMember(room, user);
        access.forget(room);
        return rooms.find(room).orElseThrow();
    }

    /**
     * Closes the room: the history stays readable to its members, nothing new is taken, and a call
     * that goes on is ended. Closing a closed room changes nothing.
     */
    @Transactional
    public RoomView close(RoomId room) {
        requireRoom(room);
        rooms.lockOpen(room);
        Instant now = clock.instant();
        rooms.activeCall(room).ifPresent(call -> calls.finish(call, null, now));
        if (rooms.close(room, now)) {
            events.publishEvent(new RoomClosed(room, now));
            broadcasts.closed(room);
        }
        return rooms.find(room).orElseThrow();
    }

    /** The room, whoever asks; for the owning module, never for a person's request. */
    @Transactional(readOnly = true)
    public Optional<RoomView> room(RoomId room) {
        return rooms.find(room);
    }

    /**
     * The room as a participant sees it: a member, or someone who may act for the room's subject
     * right now.
     *
     * @throws NotFound when there is no such room or the reader does not take part in it
     */
    @Transactional(readOnly = true)
    public RoomView roomFor(RoomId room, UserId reader) {
        requireParticipant(room, reader);
        return rooms.find(room).orElseThrow(NotFound::new);
    }

    /** Whether the person takes part in the room now (decided afresh; see {@link #open(RoomId, String, PatientId, Collection)}). */
    @Transactional(readOnly = true)
    public boolean isMember(RoomId room, UserId user) {
        return access.participant(room, user).isPresent();
    }

    /**
     * Whether the person has the room open right now: a live WebSocket session, on any node,
     * subscribed to the room's messages (a session whose node stopped refreshing it for the calls'
     * grace period counts as gone). A client that fell back to polling is not seen here.
     */
    @Transactional(readOnly = true)
    public boolean watching(RoomId room, UserId user) {
        return user != null
                && presence.watching(room, List.of(user), properties.calls().grace());
    }

    /** The rooms a person is a member of. */
    @Transactional(readOnly = true)
    public List<RoomId> roomsOf(UserId user) {
        return rooms.roomsOf(user);
    }

    private void requireRoom(RoomId room) {
        if (!rooms.exists(room)) {
            throw new NotFound();
        }
    }

    private Member requireParticipant(RoomId room, UserId user) {
        return access.participant(room, user).orElseThrow(NotFound::new);
    }
}
