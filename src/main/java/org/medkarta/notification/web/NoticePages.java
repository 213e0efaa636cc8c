package org.medkarta.notification.web;

import java.security.Principal;
import java.util.UUID;
import org.medkarta.notification.NotificationPreferences;
import org.medkarta.notification.Notifications;
import org.medkarta.shared.UserId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The notification centre (SPEC H1): notices, the unread counter in the navigation, channel choices. */
@Controller
@PreAuthorize("isAuthenticated()")
class NoticePages {

    private final Notifications notifications;

    NoticePages(Notifications notifications) {
        this.notifications = notifications;
    }

    /** The signed-in person; the principal's name is their user id. */
    static UserId user(Principal principal) {
        return new UserId(UUID.fromString(principal.getName()));
    }

    @GetMapping("/notices")
    String notices(Principal principal, Model model) {
        model.addAttribute("notices", notifications.notices(user(principal)));
        model.addAttribute("preferences", notifications.preferences(user(principal)));
        model.addAttribute("language", notifications.language(user(principal)).getLanguage());
        return "notification/notices";
    }

    @PostMapping("/notices/{id}/read")
    String read(Principal principal, @PathVariable UUID id) {
        notifications.markRead(user(principal), id);
        return "redirect:/notices";
    }

    @PostMapping("/notices/read-all")
    String readAll(Principal principal) {
        notifications.markAllRead(user(principal));
        return "redirect:/notices";
    }

    @PostMapping("/notices/preferences")
    String choose(
            Principal principal,
            @RequestParam(defaultValue = "false") boolean sms,
            @RequestParam(defaultValue = "false") boolean email,
            @RequestParam(defaultValue = "false") boolean inApp,
            @RequestParam(required = false) String language) {
        notifications.choose(user(principal), new NotificationPreferences(sms, email, inApp));
        if (language != null && !language.isBlank()) {
            notifications.chooseLanguage(user(principal), java.util.Locale.forLanguageTag(language.strip()));
        }
        return "redirect:/notices?saved";
    }

    /** The unread counter shown in the navigation of every page. */
    @ControllerAdvice
    static class UnreadCounter {

        private final Notifications notifications;

        UnreadCounter(Notifications notifications) {
            this.notifications = notifications;
        }

        @ModelAttribute("unreadNotices")
        Integer unreadNotices(jakarta.servlet.http.HttpServletRequest request) {
            // The JSON API renders no navigation: no query for it on every API call.
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                return null;
            }
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication == null || !authentication.isAuthenticated() || !isUserId(authentication.getName())) {
                return null;
            }
            return notifications.unreadCount(user(authentication));
        }

        private static boolean isUserId(String name) {
            return name != null && name.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        }
    }
}
