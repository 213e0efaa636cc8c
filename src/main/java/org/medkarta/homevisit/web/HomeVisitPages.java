package org.medkarta.homevisit.web;

import java.util.Locale;
import java.util.Map;
import org.medkarta.homevisit.HomeVisitForm;
import org.medkarta.homevisit.HomeVisits;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
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
 * The patient's «Вызвать врача на дом» (issue 23): the requests of each person they ask for, the
 * form (offered only for someone attached to a clinic; the address prefilled from the record), and
 * cancelling a request not yet visited. The appointments page loads the offer as a fragment.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class HomeVisitPages {

    private final HomeVisits visits;
    private final PageErrors errors;

    HomeVisitPages(HomeVisits visits, PageErrors errors) {
        this.visits = visits;
        this.errors = errors;
    }

    @GetMapping("/home-visits")
    String mine(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("subjects", visits.subjects(user));
        return "homevisit/mine";
    }

    /** «Вызвать врача на дом» for the appointments page; empty unless someone is attached. */
    @GetMapping("/home-visits/offer-fragment")
    String offer(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute(
                "offered",
                visits.subjects(user).stream().anyMatch(s -> !s.clinics().isEmpty()));
        return "homevisit/mine :: offer";
    }

    @GetMapping("/home-visits/new")
    String form(
            @AuthenticationPrincipal SignedInUser user, @RequestParam(required = false) String patient, Model model) {
        var draft = visits.draft(user, subject(user, patient));
        if (draft.clinics().isEmpty()) {
            throw new NotFound();
        }
        var values = new java.util.HashMap<String, String>();
        values.put("address", draft.address());
        values.put("phone", draft.phone());
        values.put("day", "TODAY");
        values.put("clinicId", draft.clinics().get(0).id().value().toString());
        return page(model, draft, values, Map.of());
    }

    @PostMapping("/home-visits")
    String ask(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            Locale locale) {
        var values = form.toSingleValueMap();
        PatientId patient = subject(user, values.get("patientId"));
        try {
            visits.ask(
                    user,
                    new HomeVisitForm(
                            patient.value().toString(),
                            values.get("clinicId"),
                            values.get("address"),
                            values.get("reason"),
                            values.get("temperature"),
                            values.get("phone"),
                            values.get("day")));
            return "redirect:/home-visits?asked";
        } catch (DomainException refused) {
            if (refused instanceof NotFound) {
                throw refused;
            }
            return page(model, visits.draft(user, patient), values, errors.of(refused, locale));
        }
    }

    @PostMapping("/home-visits/{id}/cancel")
    String cancel(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        try {
            visits.cancel(user, TypedId.parse(id, "id"));
        } catch (InvalidInput malformed) {
            throw new NotFound();
        }
        return "redirect:/home-visits?cancelled";
    }

    private String page(Model model, HomeVisits.Draft draft, Map<String, String> values, Map<String, String> errors) {
        model.addAttribute("draft", draft);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "homevisit/form";
    }

    private static PatientId subject(SignedInUser user, String patient) {
        if (patient == null || patient.isBlank()) {
            if (user.patientId() == null) {
                throw new NotFound();
            }
            return user.patientId();
        }
        try {
            return new PatientId(TypedId.parse(patient, "patient"));
        } catch (InvalidInput malformed) {
            throw new NotFound();
        }
    }
}
