package org.medkarta.homevisit.web;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.medkarta.homevisit.AssignmentForm;
import org.medkarta.homevisit.HomeVisitQueue;
import org.medkarta.homevisit.HomeVisitState;
import org.medkarta.homevisit.HomeVisits;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
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
 * The clinic registry's queue of home visit requests (issue 23): new requests oldest first with the
 * temperature, a doctor and a window to assign to each, the assigned ones with their window to
 * change, and cancelling. Registrars and administrators of the clinic only; anyone else 404.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class HomeVisitQueuePages {

    private final HomeVisitQueue queue;
    private final HomeVisits visits;
    private final PageErrors errors;

    HomeVisitQueuePages(HomeVisitQueue queue, HomeVisits visits, PageErrors errors) {
        this.queue = queue;
        this.visits = visits;
        this.errors = errors;
    }

    /** The queue of the one clinic the person works for, or a choice of clinics. */
    @GetMapping("/registry/home-visits")
    String entry(@AuthenticationPrincipal SignedInUser user, Model model) {
        var clinics = queue.registries(user);
        if (clinics.isEmpty()) {
            throw new NotFound();
        }
        return "redirect:/registry/clinics/" + clinics.get(0).value() + "/home-visits";
    }

    @GetMapping("/registry/clinics/{id}/home-visits")
    String list(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String state,
            Model model) {
        return page(user, clinic(id), state(state), null, Map.of(), Map.of(), model);
    }

    @PostMapping("/registry/home-visits/{id}/assign")
    String assign(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            Locale locale) {
        UUID visit = uuid(id);
        var values = form.toSingleValueMap();
        var found = visits.visit(user, visit);
        boolean change = found.state() == HomeVisitState.ASSIGNED;
        var assignment = new AssignmentForm(values.get("doctorId"), values.get("from"), values.get("to"));
        try {
            if (change) {
                queue.reassign(user, visit, assignment);
            } else {
                queue.assign(user, visit, assignment);
            }
            return "redirect:/registry/clinics/" + found.clinicId().value() + "/home-visits?assigned";
        } catch (DomainException refused) {
            if (refused instanceof NotFound) {
                throw refused;
            }
            return page(user, found.clinicId(), found.state(), visit, values, errors.of(refused, locale), model);
        }
    }

    @PostMapping("/registry/home-visits/{id}/cancel")
    String cancel(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model, Locale locale) {
        UUID visit = uuid(id);
        var found = visits.visit(user, visit);
        // Only the registry cancels from here; the patient's side cancels on their own page.
        queue.queue(user, found.clinicId(), found.state());
        try {
            visits.cancel(user, visit);
            return "redirect:/registry/clinics/" + found.clinicId().value() + "/home-visits?cancelled";
        } catch (DomainException refused) {
            if (refused instanceof NotFound) {
                throw refused;
            }
            return page(user, found.clinicId(), found.state(), visit, Map.of(), errors.of(refused, locale), model);
        }
    }

    private String page(
            SignedInUser user,
            ClinicId clinic,
            HomeVisitState state,
            UUID failed,
            Map<String, String> values,
            Map<String, String> errors,
            Model model) {
        HomeVisitState shown = state == null ? HomeVisitState.NEW : state;
        model.addAttribute("visits", queue.queue(user, clinic, shown));
        model.addAttribute("doctors", queue.doctors(user, clinic));
        model.addAttribute("clinicId", clinic.value());
        model.addAttribute("state", shown);
        model.addAttribute("states", HomeVisitState.values());
        model.addAttribute("failed", failed);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "homevisit/queue";
    }

    private static ClinicId clinic(String id) {
        return new ClinicId(uuid(id));
    }

    private static UUID uuid(String id) {
        try {
            return TypedId.parse(id, "id");
        } catch (InvalidInput malformed) {
            throw new NotFound();
        }
    }

    private static HomeVisitState state(String text) {
        try {
            return HomeVisitApi.state(text);
        } catch (InvalidInput unknown) {
            return null;
        }
    }
}
