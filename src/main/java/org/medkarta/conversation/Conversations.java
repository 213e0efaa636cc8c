package org.medkarta.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.medkarta.files.FileContent;
import org.medkarta.files.FileId;
import org.medkarta.files.FilePurpose;
import org.medkarta.files.Files;
import org.medkarta.files.StoredFile;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The conversations module's API: rooms, their members, chat messages with files, read marks,
 * calls, and the signalling between members.
 *
 * <p>The owning module (consultations) opens a room under its own id with the people who belong in
 * it, adds and removes members as its rules say, and closes it when it is over; a closed room keeps
 * its history readable and takes no new messages or calls. A room about a patient also lets in
 * whoever may act for that patient at the time of each request (see {@link RoomAccess}). Everything a
 * person asks for goes through a method that takes their {@link UserId} and answers {@link NotFound}
 * to anyone who does not take part (SPEC D4: "nobody else"), so that a stranger cannot even tell that
 * the room exists.
 */
@Service
public class Conversations {

    /** Longest chat message, in characters. */
    public static final int MAX_TEXT = 4000;

    /** Most messages one read returns. */
    public static final int MAX_PAGE = 200;

    private final Rooms rooms;
    private final PhoneCallRecords phoneCalls;
    private final Files files;
    private final RoomBroadcasts broadcasts;
    private final RoomAccess access;
    private final Presence presence;
    private final ApplicationEventPublisher events;
    private final ConversationProperties properties;
    private final Clock clock;

    Conversations(
            Rooms rooms,
            PhoneCallRecords phoneCalls,
            Files files,
            RoomBroadcasts broadcasts,
            RoomAccess access,
            Presence presence,
            ApplicationEventPublisher events,
            ConversationProperties properties,
            Clock clock) {
        this.rooms = rooms;
        this.phoneCalls = phoneCalls;
        this.files = files;
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
        rooms.activeCall(room).ifPresent(call -> finish(call, null, now));
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

    /**
     * Sends a text message.
     *
     * @throws NotFound when the author is not a member
     * @throws InvalidInput naming {@code text} when it is empty or longer than {@value #MAX_TEXT}
     * @throws ConversationRefusal {@code room-closed} when the room is closed
     */
    @Transactional
    public MessageView send(RoomId room, UserId author, String text) {
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty()) {
            throw new InvalidInput("text", "conversation.validation.empty");
        }
        return post(room, author, clean, List.of());
    }

    /**
     * Sends a file, with optional text, after the files module has checked it for chat (PDF,
     * DOC/DOCX, XLS/XLSX, TXT, JPG, PNG, at most 5 MB, type told from the content).
     *
     * @throws InvalidInput naming {@code file} when the file breaks a rule
     */
    @Transactional
    public MessageView sendFile(RoomId room, UserId author, String text, String fileName, byte[] content) {
        access.admit(room, author);
        requireOpen(room);
        StoredFile stored = files.store(FilePurpose.CHAT, author, "file", fileName, content);
        return post(room, author, text == null ? "" : text.strip(), List.of(stored.id()));
    }

    private MessageView post(RoomId room, UserId author, String text, List<FileId> attached) {
        if (text.length() > MAX_TEXT) {
            throw new InvalidInput("text", "conversation.validation.too-long", MAX_TEXT);
        }
        var member = access.admit(room, author);
        long seq = rooms.nextSeq(room).orElseThrow(ConversationRefusal::roomClosed);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        rooms.insertMessage(id, room, seq, author, text, now, attached);
        rooms.markRead(room, author, seq);
        var message = new MessageView(
                id,
                room,
                seq,
                author,
                member.displayName(),
                member.role(),
                text,
                now,
                attachedFiles(files.describe(attached)));
        events.publishEvent(new MessageSent(room, id, author, now, !attached.isEmpty()));
        broadcasts.message(message);
        return message;
    }

    /**
     * Messages of the room, oldest first: the latest {@code limit} when {@code after} is null,
     * otherwise up to {@code limit} that came after the message {@code after} (for polling).
     *
     * @throws NotFound when the reader is not a member, or {@code after} is not a message of the room
     */
    @Transactional(readOnly = true)
    public List<MessageView> messages(RoomId room, UserId reader, UUID after, int limit) {
        RoomView found = roomFor(room, reader);
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        List<Rooms.MessageRow> rows = after == null
                ? rooms.latestMessages(room, size)
                : rooms.messagesAfter(room, rooms.seqOf(room, after).orElseThrow(NotFound::new), size);
        return views(found, rows);
    }

    /** Messages after a number in the room (for clients that keep {@link MessageView#seq()}). */
    @Transactional(readOnly = true)
    public List<MessageView> messagesAfter(RoomId room, UserId reader, long afterSeq, int limit) {
        RoomView found = roomFor(room, reader);
        return views(found, rooms.messagesAfter(room, Math.max(0, afterSeq), Math.max(1, Math.min(limit, MAX_PAGE))));
    }

    private List<MessageView> views(RoomView room, List<Rooms.MessageRow> rows) {
        Map<UUID, List<FileId>> fileIds =
                rooms.filesOf(rows.stream().map(Rooms.MessageRow::id).toList());
        Map<FileId, StoredFile> described =
                files.describe(fileIds.values().stream().flatMap(List::stream).toList()).stream()
                        .collect(Collectors.toMap(StoredFile::id, Function.identity()));
        Map<UserId, Member> authors = new HashMap<>();
        room.members().forEach(member -> authors.put(member.userId(), member));
        var views = new ArrayList<MessageView>();
        for (var row : rows) {
            var attached = fileIds.getOrDefault(row.id(), List.of()).stream()
                    .map(described::get)
                    .filter(java.util.Objects::nonNull)
                    .toList();
            views.add(new MessageView(
                    row.id(),
                    row.room(),
                    row.seq(),
                    row.author(),
                    Optional.ofNullable(authors.get(row.author()))
                            .map(Member::displayName)
                            .orElse(""),
                    Optional.ofNullable(authors.get(row.author()))
                            .map(Member::role)
                            .orElse(""),
                    row.text(),
                    row.sentAt(),
                    attachedFiles(attached)));
        }
        return views;
    }

    private static List<AttachedFile> attachedFiles(List<StoredFile> stored) {
        return stored.stream()
                .map(file -> new AttachedFile(file.id(), file.name(), file.mediaType(), file.size()))
                .toList();
    }

    /**
     * A file sent in the room, for a member to download.
     *
     * @throws NotFound when the reader is not a member or the file was not sent in this room
     */
    @Transactional(readOnly = true)
    public FileContent file(RoomId room, UserId reader, FileId file) {
        requireParticipant(room, reader);
        if (!rooms.hasFile(room, file)) {
            throw new NotFound();
        }
        return files.open(file);
    }

    /**
     * Marks the room read by a member up to a message (or everything when {@code upTo} is null);
     * the mark only moves forward. The other members are told, so they can show "read".
     *
     * @return how many messages of others remain unread
     */
    @Transactional
    public long markRead(RoomId room, UserId reader, UUID upTo) {
        access.admit(room, reader);
        long seq = upTo == null ? rooms.lastSeq(room) : rooms.seqOf(room, upTo).orElseThrow(NotFound::new);
        long before = rooms.readSeq(room, reader);
        rooms.markRead(room, reader, seq);
        if (seq > before) {
            broadcasts.read(room, reader, seq);
        }
        return unread(room, reader);
    }

    /** How many messages of others a member has not read. */
    @Transactional(readOnly = true)
    public long unread(RoomId room, UserId reader) {
        requireParticipant(room, reader);
        return rooms.unreadAfter(room, reader, rooms.readSeq(room, reader));
    }

    /** Unread counts of a person for several rooms (a desk list); rooms they are not in are left out. */
    @Transactional(readOnly = true)
    public Map<RoomId, Long> unread(UserId reader, Collection<RoomId> roomIds) {
        return rooms.unread(reader, roomIds);
    }

    /** The last read message number of a member (0 when nothing is read). */
    @Transactional(readOnly = true)
    public long readMark(RoomId room, UserId reader) {
        requireParticipant(room, reader);
        return rooms.readSeq(room, reader);
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

    private CallView finish(CallView call, UserId by, Instant now) {
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

    private void requireRoom(RoomId room) {
        if (!rooms.exists(room)) {
            throw new NotFound();
        }
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

    private void requireOpen(RoomId room) {
        if (!rooms.find(room).map(RoomView::open).orElse(false)) {
            throw ConversationRefusal.roomClosed();
        }
    }
}
