package org.medkarta.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of a user's in-app notification centre.
 *
 * @param link where the notice leads inside the app (a path such as {@code /appointments/…}), or
 *     null
 * @param readAt when the user read it; null while unread
 */
public record Notice(UUID id, String title, String body, String link, Instant createdAt, Instant readAt) {

    public boolean read() {
        return readAt != null;
    }
}
