package org.medkarta.messenger;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.shared.Columns;
import org.medkarta.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Link codes, chat links, handled updates and sent reminders. */
@Repository
class ChatLinks {

    /** A chat linked to an account. */
    record Linked(UserId user, long chatId, String language, Instant linkedAt) {}

    private final JdbcClient jdbc;

    ChatLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new code of the account and voids its older ones. */
    void newCode(UserId user, String code, Instant now, Instant expires) {
        jdbc.sql("DELETE FROM messenger_link_code WHERE user_id = :user")
                .param("user", user.value())
                .update();
        jdbc.sql("INSERT INTO messenger_link_code (code, user_id, created_at, expires_at)"
                        + " VALUES (:code, :user, :now, :expires)")
                .param("code", code)
                .param("user", user.value())
                .param("now", Columns.utc(now))
                .param("expires", Columns.utc(expires))
                .update();
    }

    /**
     * Uses the code once: a conditional UPDATE, so of two chats sending the same code at once
     * exactly one gets the account.
     */
    Optional<UserId> use(String code, Instant now) {
        var user = jdbc.sql("SELECT user_id FROM messenger_link_code WHERE code = :code"
                        + " AND used_at IS NULL AND expires_at > :now")
                .param("code", code)
                .param("now", Columns.utc(now))
                .query(UUID.class)
                .optional();
        if (user.isEmpty()) {
            return Optional.empty();
        }
        int used = jdbc.sql("UPDATE messenger_link_code SET used_at = :now WHERE code = :code"
                        + " AND used_at IS NULL AND expires_at > :now")
                .param("code", code)
                .param("now", Columns.utc(now))
                .update();
        return used == 1 ? user.map(UserId::new) : Optional.empty();
    }

    /** Links the chat to the account, replacing whatever either was linked to before. */
    void link(UserId user, long chatId, String language, Instant now) {
        jdbc.sql("DELETE FROM messenger_telegram_link WHERE user_id = :user OR chat_id = :chat")
                .param("user", user.value())
                .param("chat", chatId)
                .update();
        jdbc.sql("INSERT INTO messenger_telegram_link (user_id, chat_id, language, linked_at)"
                        + " VALUES (:user, :chat, :language, :now)")
                .param("user", user.value())
                .param("chat", chatId)
                .param("language", language)
                .param("now", Columns.utc(now))
                .update();
    }

    Optional<Linked> byChat(long chatId) {
        return jdbc.sql("SELECT * FROM messenger_telegram_link WHERE chat_id = :chat")
                .param("chat", chatId)
                .query((row, n) -> linked(row))
                .optional();
    }

    Optional<Linked> byUser(UserId user) {
        return jdbc.sql("SELECT * FROM messenger_telegram_link WHERE user_id = :user")
                .param("user", user.value())
                .query((row, n) -> linked(row))
                .optional();
    }

    void language(long chatId, String language) {
        jdbc.sql("UPDATE messenger_telegram_link SET language = :language WHERE chat_id = :chat"
                        + " AND language <> :language")
                .param("language", language)
                .param("chat", chatId)
                .update();
    }

    boolean unlink(UserId user) {
        return jdbc.sql("DELETE FROM messenger_telegram_link WHERE user_id = :user")
                        .param("user", user.value())
                        .update()
                > 0;
    }

    boolean unlinkChat(long chatId) {
        return jdbc.sql("DELETE FROM messenger_telegram_link WHERE chat_id = :chat")
                        .param("chat", chatId)
                        .update()
                > 0;
    }

    /** Whether the update is new: false when this or another node handled it before. */
    boolean firstTime(long updateId, Instant now) {
        return jdbc.sql("INSERT INTO messenger_telegram_update (update_id, received_at) VALUES (:id, :now)"
                                + " ON CONFLICT DO NOTHING")
                        .param("id", updateId)
                        .param("now", Columns.utc(now))
                        .update()
                == 1;
    }

    /**
     * Forgets handled updates received before {@code updatesBefore}, reminders of appointments that
     * started before {@code remindersBefore} and expired link codes.
     *
     * @return the rows removed
     */
    int forget(Instant updatesBefore, Instant remindersBefore, Instant now) {
        return jdbc.sql("DELETE FROM messenger_telegram_update WHERE received_at < :before")
                        .param("before", Columns.utc(updatesBefore))
                        .update()
                + jdbc.sql("DELETE FROM messenger_telegram_reminder WHERE starts_at < :before")
                        .param("before", Columns.utc(remindersBefore))
                        .update()
                + jdbc.sql("DELETE FROM messenger_link_code WHERE expires_at < :now")
                        .param("now", Columns.utc(now))
                        .update();
    }

    /** Records the reminder; false when it was sent before. */
    boolean reminded(UUID appointment, String kind, Instant start, Instant now) {
        return jdbc.sql("INSERT INTO messenger_telegram_reminder (appointment_id, kind, starts_at, sent_at)"
                                + " VALUES (:appointment, :kind, :start, :now) ON CONFLICT DO NOTHING")
                        .param("appointment", appointment)
                        .param("kind", kind)
                        .param("start", Columns.utc(start))
                        .param("now", Columns.utc(now))
                        .update()
                == 1;
    }

    private static Linked linked(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Linked(
                new UserId(Columns.uuid(row, "user_id")),
                row.getLong("chat_id"),
                row.getString("language"),
                Columns.instant(row, "linked_at"));
    }
}
