package org.medkarta.scheduling.web;

import java.util.Locale;
import java.util.UUID;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.WalkInCalls;
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
 * The doctor on duty's walk-in desk (SPEC C9, seed 002): per queue today, whom they have now with a
 * link to the patient's record, and «Вызвать следующего», «Пациент не пришёл», «Завершить приём».
 */
@Controller
@PreAuthorize("isAuthenticated()")
class WalkInDeskPages {

    private final WalkInCalls walkInCalls;
    private final PageErrors pageErrors;

    WalkInDeskPages(WalkInCalls walkInCalls, PageErrors pageErrors) {
        this.walkInCalls = walkInCalls;
        this.pageErrors = pageErrors;
    }

    @GetMapping("/walk-in/desk")
    String desk(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("desks", walkInCalls.desk(user));
        return "scheduling/walk-in-desk";
    }

    @PostMapping("/walk-in/desk/queues/{id}/call-next")
    String callNext(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model, Locale locale) {
        UUID queue = TypedId.parse(id, "id");
        try {
            return walkInCalls.callNext(user, queue).isPresent()
                    ? "redirect:/walk-in/desk?called"
                    : "redirect:/walk-in/desk?empty";
        } catch (DomainException refused) {
            return refused(refused, user, model, locale);
        }
    }

    @PostMapping("/walk-in/desk/tickets/{id}/no-show")
    String noShow(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model, Locale locale) {
        try {
            walkInCalls.noShow(user, TypedId.parse(id, "id"));
            return "redirect:/walk-in/desk?absent";
        } catch (DomainException refused) {
            return refused(refused, user, model, locale);
        }
    }

    @PostMapping("/walk-in/desk/tickets/{id}/finish")
    String finish(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model, Locale locale) {
        try {
            walkInCalls.finish(user, TypedId.parse(id, "id"));
            return "redirect:/walk-in/desk?finished";
        } catch (DomainException refused) {
            return refused(refused, user, model, locale);
        }
    }

    private String refused(DomainException refused, SignedInUser user, Model model, Locale locale) {
        if (refused instanceof NotFound) {
            throw refused;
        }
        model.addAttribute("error", pageErrors.message(refused, locale));
        return desk(user, model);
    }
}
