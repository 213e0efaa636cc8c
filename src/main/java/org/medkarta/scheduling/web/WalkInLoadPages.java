package org.medkarta.scheduling.web;

import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.WalkInBoards;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.TypedId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The head of department's live view of the walk-in queues (seed 002: «отслеживать загрузку
 * врачей»): per doctor on duty today, how many wait, whom they have now, served, not come and waits,
 * refreshed every few seconds. Who may watch is {@link WalkInQueues#mayWatch}'s alone.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class WalkInLoadPages {

    private final WalkInBoards walkInBoards;

    WalkInLoadPages(WalkInBoards walkInBoards) {
        this.walkInBoards = walkInBoards;
    }

    @GetMapping("/walk-in/load")
    String load(
            @AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String clinic, Model model) {
        fill(user, clinic, model);
        return "scheduling/walk-in-load";
    }

    /** The table alone, which the page polls. */
    @GetMapping("/walk-in/load/rows")
    String rows(
            @AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String clinic, Model model) {
        fill(user, clinic, model);
        return "scheduling/walk-in-load :: rows";
    }

    private void fill(SignedInUser user, String clinic, Model model) {
        ClinicId id;
        try {
            id = new ClinicId(TypedId.parse(clinic, "clinic"));
        } catch (DomainException wrong) {
            throw new NotFound();
        }
        model.addAttribute("clinic", id);
        model.addAttribute("load", walkInBoards.load(user, id));
    }
}
