package org.medkarta.notification;

/**
 * The channels a user wants to be told by. They govern {@link Notifications#tell} only: one-time
 * codes and confirmation links go out whatever the user chose.
 */
public record NotificationPreferences(boolean sms, boolean email, boolean inApp) {

    /** What a user who never chose gets: every channel. */
    public static NotificationPreferences everything() {
        return new NotificationPreferences(true, true, true);
    }
}
