package org.medkarta.scheduling.web;

import java.util.List;
import java.util.Locale;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.WalkInQueueView;
import org.medkarta.scheduling.WalkInQueues;
import org.medkarta.scheduling.WalkInTickets;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.TypedId;
import org.medkarta.web.PageErrors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The registry desk's walk-in tickets (seed 002: «на стойке информации»): a registrar or clinic
 * administrator finds a patient of the clinic's registry by phone, SNILS or policy and takes a
 * ticket for them in one of today's queues, marking a privilege where the clinic honours one.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class WalkInRegistryPages {

    private final WalkInQueues walkInQueues;
    private final WalkInTickets walkInTickets;
    private final PageErrors pageErrors;

    WalkInRegistryPages(WalkInQueues walkInQueues, WalkInTickets walkInTickets, PageErrors pageErrors) {
        this.walkInQueues = walkInQueues;
        this.walkInTickets = walkInTickets;
        this.pageErrors = pageErrors;
    }

    @GetMapping("/walk-in/registry")
    String desk(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String query, Model model) {
        if (!walkInTickets.keepsDesk(user)) {
            throw new NotFound();
        }
        model.addAttribute("query", query);
        model.addAttribute("patients", walkInTickets.findPatients(user, query));
        model.addAttribute("queues", todays(user));
        return "scheduling/walk-in-registry";
    }

    @PostMapping("/walk-in/registry/tickets")
    String take(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String queueId,
            @RequestParam(required = false) String patientId,
            @RequestParam(required = false) String privileged,
            @RequestParam(required = false) String query,
            Model model,
            Locale locale) {
        if (!walkInTickets.keepsDesk(user)) {
            throw new NotFound();
        }
        try {
            var ticket = walkInTickets.take(
                    user,
                    TypedId.parse(queueId, "queueId"),
                    new PatientId(TypedId.parse(patientId, "patientId")),
                    "on".equals(privileged));
            model.addAttribute("taken", ticket);
        } catch (DomainException refused) {
            if (refused instanceof NotFound) {
                throw refused;
            }
            model.addAttribute("error", pageErrors.message(refused, locale));
        }
        return desk(user, query, model);
    }

    private List<WalkInQueueView> todays(SignedInUser user) {
        var mine = walkInTickets.deskClinics(user);
        return walkInQueues.openToday().stream()
                .filter(queue -> mine.contains(queue.clinicId()))
                .toList();
    }
}
