package org.medkarta.notification;

import java.time.Instant;
import java.time.ZoneOffset;
import org.medkarta.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notification_preference} table: the channels each user chose. */
@Repository
class Preferences {

    private final JdbcClient jdbc;

    Preferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    NotificationPreferences of(UserId user) {
        return jdbc.sql("SELECT sms, email, in_app FROM notification_preference WHERE user_id = :user")
                .param("user", user.value())
                .query((row, number) -> new NotificationPreferences(
                        row.getBoolean("sms"), row.getBoolean("email"), row.getBoolean("in_app")))
                .optional()
                .orElseGet(NotificationPreferences::everything);
    }

    /** The language the user chose for what they are told; empty when they never chose. */
    java.util.Optional<String> language(UserId user) {
        return jdbc
                .sql("SELECT language FROM notification_preference WHERE user_id = :user")
                .param("user", user.value())
                .query(String.class)
                .list()
                .stream()
                .filter(java.util.Objects::nonNull)
                .findFirst();
    }

    /**
     * Saves the language; a user without a row gets one with every channel, as if they had never
     * chosen channels. Update first, as {@link #choose} does.
     */
    void chooseLanguage(UserId user, String language, Instant now) {
        if (updateLanguage(user, language) == 0) {
            var everything = NotificationPreferences.everything();
            var parameters = new java.util.HashMap<>(parameters(user, everything, now));
            parameters.put("language", language);
            int inserted = jdbc.sql("""
                            INSERT INTO notification_preference (user_id, sms, email, in_app, chosen_at, language)
                            VALUES (:user, :sms, :email, :inApp, :now, :language)
                            ON CONFLICT DO NOTHING
                            """).params(parameters).update();
            if (inserted == 0) {
                updateLanguage(user, language);
            }
        }
    }

    private int updateLanguage(UserId user, String language) {
        return jdbc.sql("UPDATE notification_preference SET language = :language WHERE user_id = :user")
                .param("language", language)
                .param("user", user.value())
                .update();
    }

    /**
     * Saves the choice. Update first, insert when there was nothing to update, and update again if
     * a concurrent first choice won the insert: portable where {@code ON CONFLICT DO UPDATE} is not.
     */
    void choose(UserId user, NotificationPreferences chosen, Instant now) {
        if (update(user, chosen, now) == 0 && insert(user, chosen, now) == 0) {
            update(user, chosen, now);
        }
    }

    private int update(UserId user, NotificationPreferences chosen, Instant now) {
        return jdbc.sql("""
                        UPDATE notification_preference SET sms = :sms, email = :email, in_app = :inApp, chosen_at = :now
                        WHERE user_id = :user
                        """).params(parameters(user, chosen, now)).update();
    }

    private int insert(UserId user, NotificationPreferences chosen, Instant now) {
        return jdbc.sql("""
                        INSERT INTO notification_preference (user_id, sms, email, in_app, chosen_at)
                        VALUES (:user, :sms, :email, :inApp, :now)
                        ON CONFLICT DO NOTHING
                        """).params(parameters(user, chosen, now)).update();
    }

    private static java.util.Map<String, Object> parameters(UserId user, NotificationPreferences chosen, Instant now) {
        return java.util.Map.of(
                "user", user.value(),
                "sms", chosen.sms(),
                "email", chosen.email(),
                "inApp", chosen.inApp(),
                "now", now.atOffset(ZoneOffset.UTC));
    }
}
