package org.medkarta.scheduling.web;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.NewReferral;
import org.medkarta.scheduling.PaperReferralForm;
import org.medkarta.scheduling.ReferralDesk;
import org.medkarta.scheduling.ReferralState;
import org.medkarta.scheduling.SlotSearch;
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
 * The doctor's «Направления» section (seed 004; issue 23): the referrals they issued with their
 * state, filtered and paged; a new referral to a patient found by phone, SNILS or policy; its
 * cancellation. A registrar enters a paper referral from another clinic here too. Every rule is
 * {@link ReferralDesk}'s; a wrong field's message stands beside it.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class ReferralPages {

    private final ReferralDesk desk;
    private final SlotSearch slotSearch;
    private final PageErrors pageErrors;

    ReferralPages(ReferralDesk desk, SlotSearch slotSearch, PageErrors pageErrors) {
        this.desk = desk;
        this.slotSearch = slotSearch;
        this.pageErrors = pageErrors;
    }

    @GetMapping("/referrals")
    String list(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "0") String page,
            Model model,
            Locale locale) {
        ReferralState chosen;
        int number;
        try {
            chosen = Params.choice(ReferralState.class, state, "state");
            number = Integer.parseInt(page.strip());
        } catch (InvalidInput | NumberFormatException wrong) {
            return "redirect:/referrals";
        }
        var found = desk.issued(user, chosen, Math.max(number, 0), ReferralDesk.PAGE_SIZE);
        model.addAttribute("referrals", found);
        model.addAttribute("state", chosen);
        model.addAttribute("states", ReferralState.values());
        model.addAttribute("refers", desk.refers(user));
        model.addAttribute("entersPaper", desk.entersPaper(user));
        model.addAttribute("zone", desk.zone(user));
        model.addAttribute("specialtyNames", specialtyNames(locale));
        return "scheduling/referrals";
    }

    @GetMapping("/referrals/new")
    String newReferral(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String query,
            Model model,
            Locale locale) {
        if (!desk.refers(user)) {
            throw new NotFound();
        }
        return form(user, query, Map.of(), Map.of(), model, locale);
    }

    @PostMapping("/referrals")
    String issue(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            Locale locale) {
        var values = form.toSingleValueMap();
        try {
            desk.issue(
                    user,
                    new NewReferral(
                            values.get("patientId"),
                            values.get("specialty"),
                            values.get("doctorId"),
                            values.get("validUntil"),
                            "true".equals(values.get("openEnded")),
                            values.get("reason")));
            return "redirect:/referrals?issued";
        } catch (DomainException refused) {
            if (refused instanceof NotFound) {
                throw refused;
            }
            return form(user, values.get("query"), values, pageErrors.of(refused, locale), model, locale);
        }
    }

    @PostMapping("/referrals/{id}/cancel")
    String cancel(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model, Locale locale) {
        try {
            desk.cancel(user, TypedId.parse(id, "id"));
            return "redirect:/referrals?cancelled";
        } catch (DomainException refused) {
            if (refused instanceof NotFound || refused instanceof InvalidInput) {
                throw refused instanceof InvalidInput ? new NotFound() : refused;
            }
            model.addAttribute("error", pageErrors.message(refused, locale));
            return list(user, null, "0", model, locale);
        }
    }

    @GetMapping("/referrals/paper/new")
    String newPaper(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String query,
            Model model,
            Locale locale) {
        if (!desk.entersPaper(user)) {
            throw new NotFound();
        }
        return paperForm(user, query, Map.of(), Map.of(), model, locale);
    }

    @PostMapping("/referrals/paper")
    String enterPaper(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            Locale locale) {
        var values = form.toSingleValueMap();
        try {
            desk.enterPaper(
                    user,
                    new PaperReferralForm(
                            values.get("patientId"),
                            values.get("organisation"),
                            values.get("number"),
                            values.get("issuedOn"),
                            values.get("doctorName"),
                            values.get("specialty"),
                            values.get("validUntil"),
                            "true".equals(values.get("openEnded"))));
            return "redirect:/referrals?entered";
        } catch (DomainException refused) {
            if (refused instanceof NotFound) {
                throw refused;
            }
            return paperForm(user, values.get("query"), values, pageErrors.of(refused, locale), model, locale);
        }
    }

    private String form(
            SignedInUser user,
            String query,
            Map<String, String> values,
            Map<String, String> errors,
            Model model,
            Locale locale) {
        patients(user, query, model);
        model.addAttribute("form", new HashMap<>(values));
        model.addAttribute("errors", errors);
        model.addAttribute("specialties", slotSearch.specialties());
        model.addAttribute("colleagues", desk.colleagues(user));
        model.addAttribute("today", desk.today(user));
        return "scheduling/referral-new";
    }

    private String paperForm(
            SignedInUser user,
            String query,
            Map<String, String> values,
            Map<String, String> errors,
            Model model,
            Locale locale) {
        patients(user, query, model);
        model.addAttribute("form", new HashMap<>(values));
        model.addAttribute("errors", errors);
        model.addAttribute("specialties", slotSearch.specialties());
        model.addAttribute("today", desk.today(user));
        return "scheduling/referral-paper";
    }

    private void patients(SignedInUser user, String query, Model model) {
        model.addAttribute("query", query == null ? "" : query);
        model.addAttribute("patients", query == null || query.isBlank() ? List.of() : desk.findPatients(user, query));
    }

    private Map<String, String> specialtyNames(Locale locale) {
        var names = new HashMap<String, String>();
        slotSearch.specialties().forEach(s -> names.put(s.code(), s.name(locale)));
        return names;
    }
}
