package org.medkarta.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.files.FileId;
import org.medkarta.shared.Columns;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables of rooms, members, messages and calls. */
@Repository
class Rooms {

    private final JdbcClient jdbc;

    Rooms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean insert(RoomId id, String title, PatientId subject, Instant now) {
        if (exists(id)) {
            if (subject != null) {
                jdbc.sql("UPDATE conversation_room SET subject_patient_id = :subject"
                                + " WHERE id = :id AND subject_patient_id IS NULL")
                        .param("id", id.value())
                        .param("subject", subject.value())
                        .update();
            }
            return false;
        }
        jdbc.sql("""
                        INSERT INTO conversation_room (id, title, is_open, last_seq, opened_at, subject_patient_id)
                        VALUES (:id, :title, TRUE, 0, :now, :subject)
                        """)
                .param("id", id.value())
                .param("title", title)
                .param("now", Columns.utc(now))
                .param("subject", subject == null ? null : subject.value())
                .update();
        return true;
    }

    /** The patient the room is about, when it is about one (and exists). */
    Optional<PatientId> subjectOf(RoomId id) {
        return jdbc.sql("SELECT subject_patient_id FROM conversation_room WHERE id = :id")
                .param("id", id.value())
                .query((row, n) -> Optional.ofNullable(Columns.uuid(row, "subject_patient_id")))
                .optional()
                .flatMap(found -> found)
                .map(PatientId::new);
    }

    boolean exists(RoomId id) {
        return jdbc.sql("SELECT COUNT(*) FROM conversation_room WHERE id = :id")
                        .param("id", id.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Locks the room's row until the transaction ends, so calls and sends in it queue up. */
    Optional<Boolean> lockOpen(RoomId id) {
        return jdbc.sql("SELECT is_open FROM conversation_room WHERE id = :id FOR UPDATE")
                .param("id", id.value())
                .query(Boolean.class)
                .optional();
    }

    Optional<RoomView> find(RoomId id) {
        var room = jdbc.sql("SELECT * FROM conversation_room WHERE id = :id")
                .param("id", id.value())
                .query((row, n) -> new RoomView(
                        new RoomId(Columns.uuid(row, "id")),
                        row.getString("title"),
                        List.of(),
                        row.getBoolean("is_open"),
                        Columns.instant(row, "opened_at"),
                        Columns.instant(row, "closed_at")))
                .optional();
        return room.map(found ->
                new RoomView(found.id(), found.title(), members(id), found.open(), found.openedAt(), found.closedAt()));
    }

    List<Member> members(RoomId id) {
        return memberRows(id).stream().map(MemberRow::member).toList();
    }

    /**
     * A member as stored.
     *
     * @param delegated whether they are in the room for acting for its subject, which is asked again
     *     each time, rather than because the owning module put them there
     */
    record MemberRow(Member member, boolean delegated) {}

    List<MemberRow> memberRows(RoomId id) {
        return jdbc.sql("""
                        SELECT user_id, role_label, display_name, delegated FROM conversation_member
                        WHERE room_id = :room ORDER BY joined_at, user_id
                        """).param("room", id.value()).query(Rooms::memberRow).list();
    }

    Optional<MemberRow> memberRow(RoomId room, UserId user) {
        return jdbc.sql("""
                        SELECT user_id, role_label, display_name, delegated FROM conversation_member
                        WHERE room_id = :room AND user_id = :user
                        """)
                .param("room", room.value())
                .param("user", user.value())
                .query(Rooms::memberRow)
                .optional();
    }

    boolean isMember(RoomId room, UserId user) {
        return jdbc.sql("SELECT COUNT(*) FROM conversation_member WHERE room_id = :room AND user_id = :user")
                        .param("room", room.value())
                        .param("user", user.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    boolean addMember(RoomId room, Member member, Instant now) {
        return addMember(room, member, false, now);
    }

    /**
     * Adds a member; an explicit one replaces a delegated row of the same person (the owning module
     * decided they belong), a delegated one never replaces an explicit row.
     */
    boolean addMember(RoomId room, Member member, boolean delegated, Instant now) {
        var existing = memberRow(room, member.userId());
        if (existing.isPresent()) {
            if (existing.get().delegated() && !delegated) {
                jdbc.sql("""
                                UPDATE conversation_member SET delegated = FALSE, role_label = :role, display_name = :name
                                WHERE room_id = :room AND user_id = :user
                                """)
                        .param("room", room.value())
                        .param("user", member.userId().value())
                        .param("role", member.role())
                        .param("name", member.displayName())
                        .update();
                return true;
            }
            return false;
        }
        jdbc.sql("""
                        INSERT INTO conversation_member
                          (room_id, user_id, role_label, display_name, read_seq, joined_at, delegated)
                        VALUES (:room, :user, :role, :name, 0, :now, :delegated)
                        """)
                .param("room", room.value())
                .param("user", member.userId().value())
                .param("role", member.role())
                .param("name", member.displayName())
                .param("now", Columns.utc(now))
                .param("delegated", delegated)
                .update();
        return true;
    }

    boolean removeMember(RoomId room, UserId user) {
        return jdbc.sql("DELETE FROM conversation_member WHERE room_id = :room AND user_id = :user")
                        .param("room", room.value())
                        .param("user", user.value())
                        .update()
                > 0;
    }

    boolean close(RoomId room, Instant now) {
        return jdbc.sql("UPDATE conversation_room SET is_open = FALSE, closed_at = :now WHERE id = :id AND is_open")
                        .param("id", room.value())
                        .param("now", Columns.utc(now))
                        .update()
                > 0;
    }

    /** The next message number of an open room, taken under the room row's lock; empty when closed. */
    Optional<Long> nextSeq(RoomId room) {
        int updated = jdbc.sql("UPDATE conversation_room SET last_seq = last_seq + 1 WHERE id = :id AND is_open")
                .param("id", room.value())
                .update();
        if (updated == 0) {
            return Optional.empty();
        }
        return Optional.of(jdbc.sql("SELECT last_seq FROM conversation_room WHERE id = :id")
                .param("id", room.value())
                .query(Long.class)
                .single());
    }

    void insertMessage(UUID id, RoomId room, long seq, UserId author, String text, Instant sentAt, List<FileId> files) {
        jdbc.sql("""
                        INSERT INTO conversation_message (id, room_id, seq, author_id, body, sent_at)
                        VALUES (:id, :room, :seq, :author, :text, :sentAt)
                        """)
                .param("id", id)
                .param("room", room.value())
                .param("seq", seq)
                .param("author", author.value())
                .param("text", text)
                .param("sentAt", Columns.utc(sentAt))
                .update();
        for (int i = 0; i < files.size(); i++) {
            jdbc.sql("""
                            INSERT INTO conversation_message_file (message_id, file_id, room_id, ordinal)
                            VALUES (:message, :file, :room, :ordinal)
                            """)
                    .param("message", id)
                    .param("file", files.get(i).value())
                    .param("room", room.value())
                    .param("ordinal", i)
                    .update();
        }
    }

    /** A message row before its files are looked up. */
    record MessageRow(UUID id, RoomId room, long seq, UserId author, String text, Instant sentAt) {}

    List<MessageRow> messagesAfter(RoomId room, long afterSeq, int limit) {
        return jdbc.sql("""
                        SELECT * FROM conversation_message WHERE room_id = :room AND seq > :after
                        ORDER BY seq LIMIT :limit
                        """)
                .param("room", room.value())
                .param("after", afterSeq)
                .param("limit", limit)
                .query(Rooms::messageRow)
                .list();
    }

    List<MessageRow> latestMessages(RoomId room, int limit) {
        var latest = new ArrayList<>(jdbc.sql("""
                        SELECT * FROM conversation_message WHERE room_id = :room
                        ORDER BY seq DESC LIMIT :limit
                        """)
                .param("room", room.value())
                .param("limit", limit)
                .query(Rooms::messageRow)
                .list());
        java.util.Collections.reverse(latest);
        return latest;
    }

    Optional<Long> seqOf(RoomId room, UUID message) {
        return jdbc.sql("SELECT seq FROM conversation_message WHERE room_id = :room AND id = :id")
                .param("room", room.value())
                .param("id", message)
                .query(Long.class)
                .optional();
    }

    /** The files of each message, in the order they were sent. */
    Map<UUID, List<FileId>> filesOf(Collection<UUID> messages) {
        var files = new LinkedHashMap<UUID, List<FileId>>();
        if (messages.isEmpty()) {
            return files;
        }
        jdbc.sql("""
                        SELECT message_id, file_id FROM conversation_message_file
                        WHERE message_id IN (:messages) ORDER BY message_id, ordinal
                        """)
                .param("messages", messages)
                .query((row, n) -> Map.entry(Columns.uuid(row, "message_id"), new FileId(Columns.uuid(row, "file_id"))))
                .list()
                .forEach(entry -> files.computeIfAbsent(entry.getKey(), key -> new ArrayList<>())
                        .add(entry.getValue()));
        return files;
    }

    boolean hasFile(RoomId room, FileId file) {
        return jdbc.sql("SELECT COUNT(*) FROM conversation_message_file WHERE room_id = :room AND file_id = :file")
                        .param("room", room.value())
                        .param("file", file.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Moves the member's read mark forward to {@code seq}, never back. */
    void markRead(RoomId room, UserId user, long seq) {
        jdbc.sql("""
                        UPDATE conversation_member SET read_seq = :seq
                        WHERE room_id = :room AND user_id = :user AND read_seq < :seq
                        """)
                .param("room", room.value())
                .param("user", user.value())
                .param("seq", seq)
                .update();
    }

    long readSeq(RoomId room, UserId user) {
        return jdbc.sql("SELECT read_seq FROM conversation_member WHERE room_id = :room AND user_id = :user")
                .param("room", room.value())
                .param("user", user.value())
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    /** Messages of others after a read mark, for one room (a person without a row has read nothing). */
    long unreadAfter(RoomId room, UserId user, long readSeq) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM conversation_message
                        WHERE room_id = :room AND seq > :seq AND author_id <> :user
                        """)
                .param("room", room.value())
                .param("seq", readSeq)
                .param("user", user.value())
                .query(Long.class)
                .single();
    }

    /** The calls that go on, oldest first. */
    List<CallView> activeCalls() {
        return jdbc.sql("""
                        SELECT * FROM conversation_call WHERE ended_at IS NULL ORDER BY started_at, id
                        """).query(Rooms::call).list();
    }

    long lastSeq(RoomId room) {
        return jdbc.sql("SELECT last_seq FROM conversation_room WHERE id = :id")
                .param("id", room.value())
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    /** Messages of others after the member's read mark, per room of the member. */
    Map<RoomId, Long> unread(UserId user, Collection<RoomId> rooms) {
        var counts = new LinkedHashMap<RoomId, Long>();
        if (rooms.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                        SELECT mb.room_id, COUNT(m.id) AS unread
                        FROM conversation_member mb
                        LEFT JOIN conversation_message m
                          ON m.room_id = mb.room_id AND m.seq > mb.read_seq AND m.author_id <> mb.user_id
                        WHERE mb.user_id = :user AND mb.room_id IN (:rooms)
                        GROUP BY mb.room_id
                        """)
                .param("user", user.value())
                .param("rooms", rooms.stream().map(RoomId::value).toList())
                .query((row, n) -> Map.entry(new RoomId(Columns.uuid(row, "room_id")), row.getLong("unread")))
                .list()
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    List<RoomId> roomsOf(UserId user) {
        return jdbc.sql("SELECT room_id FROM conversation_member WHERE user_id = :user")
                .param("user", user.value())
                .query((row, n) -> new RoomId(Columns.uuid(row, "room_id")))
                .list();
    }

    Optional<CallView> activeCall(RoomId room) {
        return jdbc.sql("SELECT * FROM conversation_call WHERE room_id = :room AND ended_at IS NULL")
                .param("room", room.value())
                .query(Rooms::call)
                .optional();
    }

    List<CallView> calls(RoomId room) {
        return jdbc.sql("SELECT * FROM conversation_call WHERE room_id = :room ORDER BY started_at, id")
                .param("room", room.value())
                .query(Rooms::call)
                .list();
    }

    void insertCall(CallView call) {
        jdbc.sql("""
                        INSERT INTO conversation_call (id, room_id, call_mode, started_by, started_at)
                        VALUES (:id, :room, :mode, :startedBy, :startedAt)
                        """)
                .param("id", call.id())
                .param("room", call.roomId().value())
                .param("mode", call.mode().name())
                .param("startedBy", call.startedBy().value())
                .param("startedAt", Columns.utc(call.startedAt()))
                .update();
    }

    void endCall(UUID call, UserId endedBy, Instant endedAt) {
        jdbc.sql("UPDATE conversation_call SET ended_at = :endedAt, ended_by = :endedBy WHERE id = :id")
                .param("id", call)
                .param("endedBy", endedBy == null ? null : endedBy.value())
                .param("endedAt", Columns.utc(endedAt))
                .update();
    }

    private static MemberRow memberRow(ResultSet row, int n) throws SQLException {
        return new MemberRow(
                new Member(
                        new UserId(Columns.uuid(row, "user_id")),
                        row.getString("role_label"),
                        row.getString("display_name")),
                row.getBoolean("delegated"));
    }

    private static MessageRow messageRow(ResultSet row, int n) throws SQLException {
        return new MessageRow(
                Columns.uuid(row, "id"),
                new RoomId(Columns.uuid(row, "room_id")),
                row.getLong("seq"),
                new UserId(Columns.uuid(row, "author_id")),
                row.getString("body"),
                Columns.instant(row, "sent_at"));
    }

    private static CallView call(ResultSet row, int n) throws SQLException {
        UUID endedBy = Columns.uuid(row, "ended_by");
        return new CallView(
                Columns.uuid(row, "id"),
                new RoomId(Columns.uuid(row, "room_id")),
                CallMode.valueOf(row.getString("call_mode")),
                new UserId(Columns.uuid(row, "started_by")),
                Columns.instant(row, "started_at"),
                endedBy == null ? null : new UserId(endedBy),
                Columns.instant(row, "ended_at"));
    }
}
