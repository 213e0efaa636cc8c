package org.medkarta.notification.web;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.medkarta.notification.Notice;
import org.medkarta.notification.NotificationPreferences;
import org.medkarta.notification.Notifications;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The notification centre for apps: notices, the unread count, read marks and channel choices. */
@RestController
@PreAuthorize("isAuthenticated()")
class NoticeApi {

    private final Notifications notifications;

    NoticeApi(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/api/v1/notices")
    List<Notice> notices(Principal principal) {
        return notifications.notices(NoticePages.user(principal));
    }

    @GetMapping("/api/v1/notices/unread-count")
    Map<String, Integer> unread(Principal principal) {
        return Map.of("unread", notifications.unreadCount(NoticePages.user(principal)));
    }

    /** Another person's notice answers 404. */
    @PostMapping("/api/v1/notices/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void read(Principal principal, @PathVariable UUID id) {
        notifications.markRead(NoticePages.user(principal), id);
    }

    @PostMapping("/api/v1/notices/read-all")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void readAll(Principal principal) {
        notifications.markAllRead(NoticePages.user(principal));
    }

    @GetMapping("/api/v1/me/notification-preferences")
    NotificationPreferences preferences(Principal principal) {
        return notifications.preferences(NoticePages.user(principal));
    }

    @PutMapping("/api/v1/me/notification-preferences")
    NotificationPreferences choose(Principal principal, @RequestBody NotificationPreferences chosen) {
        notifications.choose(NoticePages.user(principal), chosen);
        return notifications.preferences(NoticePages.user(principal));
    }
}
