package org.medkarta.messenger.web;

import org.medkarta.identity.SignedInUser;
import org.medkarta.messenger.TelegramLinks;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Telegram section of the patient's account (SPEC J4): whether a chat is linked, a one-time code
 * to link one (shown once, after the patient asks for it) and unlinking.
 */
@Controller
@PreAuthorize("hasRole('PATIENT')")
class TelegramPages {

    /** The platform's time, as the notices write it. */
    private static final java.time.ZoneId MOSCOW = java.time.ZoneId.of("Europe/Moscow");

    private final TelegramLinks links;

    TelegramPages(TelegramLinks links) {
        this.links = links;
    }

    @GetMapping("/profile/telegram")
    String page(@AuthenticationPrincipal SignedInUser user, Model model) {
        var link = links.linkOf(user).orElse(null);
        model.addAttribute("link", link);
        model.addAttribute("linkedAt", link == null ? null : link.linkedAt().atZone(MOSCOW));
        model.addAttribute("available", links.botAvailable());
        return "messenger/telegram";
    }

    @PostMapping("/profile/telegram/code")
    String code(@AuthenticationPrincipal SignedInUser user, RedirectAttributes redirect) {
        var code = links.issueCode(user);
        redirect.addFlashAttribute("code", code);
        redirect.addFlashAttribute("expiresAt", code.expiresAt().atZone(MOSCOW));
        return "redirect:/profile/telegram";
    }

    @PostMapping("/profile/telegram/unlink")
    String unlink(@AuthenticationPrincipal SignedInUser user) {
        links.unlink(user);
        return "redirect:/profile/telegram?unlinked";
    }
}
