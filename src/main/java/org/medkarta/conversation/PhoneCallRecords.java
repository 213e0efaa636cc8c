package org.medkarta.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.shared.Columns;
import org.medkarta.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The calls to patients' phones (SPEC D6); no phone number is kept. */
@Repository
class PhoneCallRecords {

    private final JdbcClient jdbc;

    PhoneCallRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(PhoneCallView call) {
        jdbc.sql("""
                        INSERT INTO conversation_phone_call (id, room_id, requested_by, requested_at, status, updated_at)
                        VALUES (:id, :room, :requestedBy, :requestedAt, :status, :requestedAt)
                        """)
                .param("id", call.id())
                .param("room", call.roomId().value())
                .param("requestedBy", call.requestedBy().value())
                .param("requestedAt", Columns.utc(call.requestedAt()))
                .param("status", call.status().name())
                .update();
    }

    Optional<PhoneCallView> find(UUID id) {
        return jdbc.sql("SELECT * FROM conversation_phone_call WHERE id = :id")
                .param("id", id)
                .query(PhoneCallRecords::call)
                .optional();
    }

    /** The call under its row's lock, so that two deliveries of one event apply one after the other. */
    Optional<PhoneCallView> lock(UUID id) {
        return jdbc.sql("SELECT * FROM conversation_phone_call WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(PhoneCallRecords::call)
                .optional();
    }

    void update(PhoneCallView call, Instant now) {
        jdbc.sql("""
                        UPDATE conversation_phone_call
                        SET status = :status, ringing_at = :ringing, answered_at = :answered, ended_at = :ended,
                            updated_at = :now
                        WHERE id = :id
                        """)
                .param("id", call.id())
                .param("status", call.status().name())
                .param("ringing", call.ringingAt() == null ? null : Columns.utc(call.ringingAt()))
                .param("answered", call.answeredAt() == null ? null : Columns.utc(call.answeredAt()))
                .param("ended", call.endedAt() == null ? null : Columns.utc(call.endedAt()))
                .param("now", Columns.utc(now))
                .update();
    }

    /** The room's calls that still ring or go on. */
    List<PhoneCallView> active(RoomId room) {
        return jdbc.sql("""
                        SELECT * FROM conversation_phone_call
                        WHERE room_id = :room AND status IN ('REQUESTED', 'RINGING', 'CONNECTED')
                        ORDER BY requested_at, id
                        """)
                .param("room", room.value())
                .query(PhoneCallRecords::call)
                .list();
    }

    /** The latest call placed in the room. */
    Optional<PhoneCallView> latest(RoomId room) {
        return jdbc.sql("""
                        SELECT * FROM conversation_phone_call WHERE room_id = :room
                        ORDER BY requested_at DESC, id DESC LIMIT 1
                        """)
                .param("room", room.value())
                .query(PhoneCallRecords::call)
                .optional();
    }

    /** The room's calls in which the two talked, earliest first. */
    List<PhoneCallView> connected(RoomId room) {
        return jdbc.sql("""
                        SELECT * FROM conversation_phone_call WHERE room_id = :room AND answered_at IS NOT NULL
                        ORDER BY answered_at, id
                        """)
                .param("room", room.value())
                .query(PhoneCallRecords::call)
                .list();
    }

    private static PhoneCallView call(ResultSet row, int n) throws SQLException {
        return new PhoneCallView(
                Columns.uuid(row, "id"),
                new RoomId(Columns.uuid(row, "room_id")),
                new UserId(Columns.uuid(row, "requested_by")),
                Columns.instant(row, "requested_at"),
                PhoneCallStatus.valueOf(row.getString("status")),
                Columns.instant(row, "ringing_at"),
                Columns.instant(row, "answered_at"),
                Columns.instant(row, "ended_at"));
    }
}
