package org.medkarta.notification.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import org.medkarta.notification.DevOutbox;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The dev outbox page: every SMS and e-mail the app "sent", refreshed in place by htmx. */
@Controller
@ConditionalOnBooleanProperty(name = "medkarta.notification.dev-outbox.enabled", matchIfMissing = true)
class DevOutboxPages {

    private final DevOutbox outbox;

    DevOutboxPages(DevOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/dev/outbox")
    String page(@RequestParam(required = false) String to, Model model) {
        model.addAttribute("to", to == null ? "" : to.strip());
        model.addAttribute("messages", outbox.sentTo(to));
        return "notification/outbox";
    }

    @HxRequest
    @GetMapping("/dev/outbox")
    String messages(@RequestParam(required = false) String to, Model model) {
        model.addAttribute("messages", outbox.sentTo(to));
        return "notification/outbox :: messages";
    }
}
