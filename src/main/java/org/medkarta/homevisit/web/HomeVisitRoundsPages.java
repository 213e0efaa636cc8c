package org.medkarta.homevisit.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.medkarta.homevisit.HomeVisitRounds;
import org.medkarta.homevisit.VisitReport;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.TypedId;
import org.medkarta.web.PageErrors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The doctor's home visits of the day (issue 23): by their windows, each with the address, phone,
 * reason and temperature; the protocol form that marks a visit made and files the protocol in the
 * record; "not at home". Only the assigned doctor opens a visit; anyone else 404.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class HomeVisitRoundsPages {

    private final HomeVisitRounds rounds;
    private final PageErrors errors;

    HomeVisitRoundsPages(HomeVisitRounds rounds, PageErrors errors) {
        this.rounds = rounds;
        this.errors = errors;
    }

    @GetMapping("/home-visits/rounds")
    String day(@AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String day, Model model) {
        LocalDate wanted = null;
        if (day != null && !day.isBlank()) {
            try {
                wanted = LocalDate.parse(day.strip());
            } catch (DateTimeParseException malformed) {
                wanted = null;
            }
        }
        var visits = rounds.assigned(user, wanted);
        model.addAttribute("visits", visits);
        model.addAttribute("day", wanted);
        return "homevisit/rounds";
    }

    @GetMapping("/home-visits/rounds/{id}")
    String visit(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model) {
        return page(model, rounds.visit(user, uuid(id)), Map.of(), Map.of());
    }

    @PostMapping("/home-visits/rounds/{id}/visited")
    String visited(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            Locale locale) {
        UUID visit = uuid(id);
        var values = form.toSingleValueMap();
        try {
            rounds.visited(
                    user,
                    visit,
                    new VisitReport(
                            values.get("complaints"),
                            values.get("examination"),
                            values.get("diagnosis"),
                            values.get("recommendations")));
            return "redirect:/home-visits/rounds?visited";
        } catch (DomainException refused) {
            if (refused instanceof NotFound) {
                throw refused;
            }
            return page(model, rounds.visit(user, visit), values, errors.of(refused, locale));
        }
    }

    @PostMapping("/home-visits/rounds/{id}/not-at-home")
    String notAtHome(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model, Locale locale) {
        UUID visit = uuid(id);
        try {
            rounds.notAtHome(user, visit);
            return "redirect:/home-visits/rounds?absent";
        } catch (DomainException refused) {
            if (refused instanceof NotFound) {
                throw refused;
            }
            return page(model, rounds.visit(user, visit), Map.of(), errors.of(refused, locale));
        }
    }

    private String page(
            Model model,
            org.medkarta.homevisit.HomeVisitView visit,
            Map<String, String> values,
            Map<String, String> errors) {
        model.addAttribute("visit", visit);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "homevisit/visit";
    }

    private static UUID uuid(String id) {
        try {
            return TypedId.parse(id, "id");
        } catch (InvalidInput malformed) {
            throw new NotFound();
        }
    }
}
