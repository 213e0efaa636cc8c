package org.medkarta.scheduling.web;

import java.util.Locale;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.WalkInQueues;
import org.medkarta.scheduling.WalkInTickets;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.TypedId;
import org.medkarta.web.PageErrors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The patient's walk-in page on their phone (SPEC C9): today's queues, a ticket taken with one
 * press, and the ticket's page that follows the line until the patient is called to a room.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class WalkInTicketPages {

    private final WalkInQueues walkInQueues;
    private final WalkInTickets walkInTickets;
    private final PageErrors pageErrors;

    WalkInTicketPages(WalkInQueues walkInQueues, WalkInTickets walkInTickets, PageErrors pageErrors) {
        this.walkInQueues = walkInQueues;
        this.walkInTickets = walkInTickets;
        this.pageErrors = pageErrors;
    }

    @GetMapping("/walk-in")
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("queues", walkInQueues.openToday());
        model.addAttribute("tickets", walkInTickets.myTickets(user));
        return "scheduling/walk-in";
    }

    @PostMapping("/walk-in/queues/{id}/tickets")
    String take(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model, Locale locale) {
        try {
            var ticket = walkInTickets.take(user, TypedId.parse(id, "id"), null, false);
            return "redirect:/walk-in/tickets/" + ticket.id();
        } catch (DomainException refused) {
            if (refused instanceof NotFound) {
                throw refused;
            }
            Object held = refused.properties().get("ticketId");
            if (held != null) {
                return "redirect:/walk-in/tickets/" + held;
            }
            model.addAttribute("error", pageErrors.message(refused, locale));
            return list(user, model);
        }
    }

    @GetMapping("/walk-in/tickets/{id}")
    String ticket(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model) {
        model.addAttribute("ticket", walkInTickets.ticket(user, TypedId.parse(id, "id")));
        return "scheduling/walk-in-ticket";
    }

    /** The ticket's state alone, which the page polls. */
    @GetMapping("/walk-in/tickets/{id}/status")
    String status(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model) {
        model.addAttribute("ticket", walkInTickets.ticket(user, TypedId.parse(id, "id")));
        return "scheduling/walk-in-ticket :: status";
    }
}
