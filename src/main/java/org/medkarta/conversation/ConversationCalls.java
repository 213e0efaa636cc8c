package org.medkarta.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.UserId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calls in a room (SPEC D5, D6): WebRTC signalling between the members of a room (never back to the
 * sender, never to anyone else), the record of each call's start, end and duration announced by
 * {@link CallStarted} and {@link CallEnded}, the room's calls with those to the patient's phone
 * ({@link PhoneCalls}), ICE servers with time-limited TURN credentials, and the end of a call whose
 * browsers are all gone (by {@code CallSweep}). Only those who take part in the room call; anyone
 * else is answered {@link NotFound}.
 */
@Service
public class ConversationCalls {

    private final Rooms rooms;
    private final PhoneCallRecords phoneCalls;
    private final RoomBroadcasts broadcasts;
    private final RoomAccess access;
    private final Presence presence;
    private final ApplicationEventPublisher events;
    private final ConversationProperties properties;
    private final Clock clock;

    ConversationCalls(
            Rooms rooms,
            PhoneCallRecords phoneCalls,
            RoomBroadcasts broadcasts,
            RoomAccess access,
            Presence presence,
            ApplicationEventPublisher events,
            ConversationProperties properties,
            Clock clock) {
        this.rooms = rooms;
        this.phoneCalls = phoneCalls;
        this.broadcasts = broadcasts;
        this.access = access;
        this.presence = presence;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Records that a call connected; if one goes on already it is returned unchanged, so an
     * answer after an ICE restart starts nothing new.
     */
    @Transactional
    public CallView startCall(RoomId room, UserId caller, CallMode mode) {
        access.admit(room, caller);
        if (!rooms.lockOpen(room).orElse(false)) {
            throw ConversationRefusal.roomClosed();
        }
        var active = rooms.activeCall(room);
        if (active.isPresent()) {
            return active.get();
        }
        var call = new CallView(
                UUID.randomUUID(),
                room,
                // A browser cannot start a phone call: those go through PhoneCalls and the gateway.
                mode == null || mode == CallMode.PHONE ? CallMode.VIDEO : mode,
                caller,
                clock.instant(),
                null,
                null);
        rooms.insertCall(call);
        events.publishEvent(new CallStarted(room, call.id(), call.mode(), caller, call.startedAt()));
        broadcasts.call(call);
        return call;
    }

    /** Ends the call that goes on, if any. */
    @Transactional
    public Optional<CallView> endCall(RoomId room, UserId by) {
        requireParticipant(room, by);
        rooms.lockOpen(room);
        return rooms.activeCall(room).map(call -> finish(call, by, clock.instant()));
    }

    /** Ends the call at {@code now}, by {@code by} (null: the room closed or the browsers are gone), and tells. */
    CallView finish(CallView call, UserId by, Instant now) {
        rooms.endCall(call.id(), by, now);
        var ended = new CallView(call.id(), call.roomId(), call.mode(), call.startedBy(), call.startedAt(), by, now);
        events.publishEvent(
                new CallEnded(call.roomId(), call.id(), call.mode(), call.startedAt(), now, ended.duration(), by));
        broadcasts.call(ended);
        return ended;
    }

    /** The call that goes on in the room, as a member sees it. */
    @Transactional(readOnly = true)
    public Optional<CallView> activeCall(RoomId room, UserId reader) {
        requireParticipant(room, reader);
        return rooms.activeCall(room);
    }

    /**
     * Every call of the room, earliest first (for the owning module's record): between browsers, and
     * to the patient's phone once the patient answered (mode {@link CallMode#PHONE}, SPEC D6).
     */
    @Transactional(readOnly = true)
    public List<CallView> calls(RoomId room) {
        var calls = new ArrayList<>(rooms.calls(room));
        phoneCalls.connected(room).forEach(call -> calls.add(call.asCall()));
        calls.sort(java.util.Comparator.comparing(CallView::startedAt).thenComparing(CallView::id));
        return calls;
    }

    /**
     * Passes a WebRTC signal from one member to the other members of the room (never back to the
     * sender, never to anyone else). An answer records the start of the call, a hang-up its end.
     *
     * @throws NotFound when the sender is not a member
     * @throws InvalidInput when the signal is not one of {@link Signal#TYPES} or is too large
     * @throws ConversationRefusal {@code room-closed} for an offer or answer in a closed room
     */
    @Transactional
    public void signal(RoomId room, UserId from, Signal signal) {
        if (signal == null || signal.type() == null || !Signal.TYPES.contains(signal.type())) {
            throw new InvalidInput("type", "conversation.validation.signal");
        }
        if (signal.sdp() != null && signal.sdp().length() > Signal.MAX_SDP) {
            throw new InvalidInput("sdp", "conversation.validation.signal");
        }
        var sender = access.admit(room, from);
        RoomView found = rooms.find(room).orElseThrow(NotFound::new);
        switch (signal.type()) {
            case "offer", "candidate" -> {
                if (!found.open()) {
                    throw ConversationRefusal.roomClosed();
                }
            }
            case "answer" -> {
                if (!signal.restarting()) {
                    startCall(room, from, signal.mode());
                }
            }
            case "hangup" -> endCall(room, from);
            default -> {}
        }
        var relayed = new RelayedSignal(
                room,
                from,
                sender.displayName(),
                signal.type(),
                signal.sdp(),
                signal.candidate(),
                signal.mode(),
                signal.restarting());
        for (var member : rooms.memberRows(room)) {
            UserId to = member.member().userId();
            if (!to.equals(from) && (!member.delegated() || access.mayReceive(room, to))) {
                broadcasts.signal(to, relayed);
            }
        }
    }

    /**
     * The ICE servers for a person's calls: the configured STUN servers and, when a TURN secret is
     * set, the TURN servers with credentials valid for the configured time.
     */
    public List<IceServer> iceServers(UserId user) {
        var ice = properties.ice();
        var servers = new ArrayList<IceServer>();
        if (!ice.stunUrls().isEmpty()) {
            servers.add(new IceServer(List.copyOf(ice.stunUrls()), null, null));
        }
        if (!ice.turnUrls().isEmpty() && !ice.turnSecret().isBlank()) {
            servers.add(TurnCredentials.issue(ice.turnUrls(), ice.turnSecret(), ice.turnTtl(), user, clock.instant()));
        }
        return servers;
    }

    /**
     * How browsers gather ICE candidates for calls: {@code relay} (only through the TURN servers,
     * when {@code medkarta.conversation.ice.relay-only} is set and TURN is offered) or {@code all}.
     */
    public String iceTransportPolicy() {
        var ice = properties.ice();
        return ice.relayOnly() && !ice.turnUrls().isEmpty() && !ice.turnSecret().isBlank() ? "relay" : "all";
    }

    private Member requireParticipant(RoomId room, UserId user) {
        return access.participant(room, user).orElseThrow(NotFound::new);
    }

    /**
     * Ends the room's call when none of its members has had a live WebSocket session for {@code
     * grace} (SPEC D5: a call must not stay open after both browsers died); the end is when the
     * last of them was connected (the call's start if none was since), so the duration is what the
     * call lasted. A reconnect within the grace keeps the call.
     */
    @Transactional
    Optional<CallView> endIfUnattended(RoomId room, Duration grace) {
        rooms.lockOpen(room);
        var call = rooms.activeCall(room);
        if (call.isEmpty()) {
            return Optional.empty();
        }
        var users = rooms.members(room).stream().map(Member::userId).toList();
        Instant started = call.get().startedAt();
        Instant last = presence.lastSeen(users, grace)
                .filter(seen -> seen.isAfter(started))
                .orElse(started);
        if (clock.instant().isBefore(last.plus(grace))) {
            return Optional.empty();
        }
        return Optional.of(finish(call.get(), null, last));
    }
}
