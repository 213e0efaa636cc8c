package org.medkarta.conversation;

import java.time.Clock;
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
import org.medkarta.shared.UserId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The chat of a room (SPEC D4, J2): persisted text messages and files (checked and kept by the files
 * module), delivered to the room's subscribers as they are sent, read back page by page or after a
 * message (polling), with read marks and unread counts. Only those who take part in the room (see
 * {@link ConversationRooms}) send and read; anyone else is answered {@link NotFound}. A closed room
 * keeps its history readable and takes nothing new.
 */
@Service
public class ChatMessages {

    /** Longest chat message, in characters. */
    public static final int MAX_TEXT = 4000;

    /** Most messages one read returns. */
    public static final int MAX_PAGE = 200;

    private final Rooms rooms;
    private final Files files;
    private final RoomBroadcasts broadcasts;
    private final RoomAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ChatMessages(
            Rooms rooms,
            Files files,
            RoomBroadcasts broadcasts,
            RoomAccess access,
            ApplicationEventPublisher events,
            Clock clock) {
        this.rooms = rooms;
        this.files = files;
        this.broadcasts = broadcasts;
        this.access = access;
        this.events = events;
        this.clock = clock;
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
        requireParticipant(room, reader);
        RoomView found = rooms.find(room).orElseThrow(NotFound::new);
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        List<Rooms.MessageRow> rows = after == null
                ? rooms.latestMessages(room, size)
                : rooms.messagesAfter(room, rooms.seqOf(room, after).orElseThrow(NotFound::new), size);
        return views(found, rows);
    }

    /** Messages after a number in the room (for clients that keep {@link MessageView#seq()}). */
    @Transactional(readOnly = true)
    public List<MessageView> messagesAfter(RoomId room, UserId reader, long afterSeq, int limit) {
        requireParticipant(room, reader);
        RoomView found = rooms.find(room).orElseThrow(NotFound::new);
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

    private Member requireParticipant(RoomId room, UserId user) {
        return access.participant(room, user).orElseThrow(NotFound::new);
    }

    private void requireOpen(RoomId room) {
        if (!rooms.find(room).map(RoomView::open).orElse(false)) {
            throw ConversationRefusal.roomClosed();
        }
    }
}
