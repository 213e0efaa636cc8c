package org.medkarta.access.web;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.medkarta.access.RecordRequestQueue;
import org.medkarta.access.RecordRequests;
import org.medkarta.clinic.ClinicCard;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
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
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The registry's queue of record-access requests (SPEC E0): a list by clinic and state, and a request
 * with its scans beside the records the clinic keeps that match it, to take, approve or refuse. A
 * clinic administrator also turns automatic approval of exact matches on or off here.
 */
@Controller
@PreAuthorize("hasAnyRole('REGISTRAR', 'CLINIC_ADMIN')")
class RecordRequestQueuePages {

    private final RecordRequestQueue queue;
    private final RecordRequests requests;
    private final ClinicCatalogue clinics;
    private final PageErrors errors;

    RecordRequestQueuePages(
            RecordRequestQueue queue, RecordRequests requests, ClinicCatalogue clinics, PageErrors errors) {
        this.queue = queue;
        this.requests = requests;
        this.clinics = clinics;
        this.errors = errors;
    }

    @GetMapping("/access/registry/record-requests")
    String list(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String clinicId,
            @RequestParam(required = false) String state,
            Model model) {
        List<ClinicCard> mine = queue.registryClinics(user).stream()
                .map(clinics::card)
                .sorted(Comparator.comparing(ClinicCard::name))
                .toList();
        if (mine.isEmpty()) {
            throw new NotFound();
        }
        ClinicId clinic = clinicId == null || clinicId.isBlank()
                ? mine.get(0).id()
                : new ClinicId(TypedId.parse(clinicId, "clinicId"));
        var chosenState = state == null ? "SUBMITTED" : state;
        model.addAttribute("clinics", mine);
        model.addAttribute("clinicId", clinic.value().toString());
        model.addAttribute("state", chosenState);
        model.addAttribute("requests", queue.queue(user, clinic, RecordRequestApi.state(chosenState)));
        model.addAttribute("autoApproval", queue.autoApproval(user, clinic));
        model.addAttribute("administers", queue.administers(user, clinic));
        return "access/registry-record-requests";
    }

    @PostMapping("/access/registry/record-requests/settings")
    String settings(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam String clinicId,
            @RequestParam(required = false) boolean autoApprove) {
        var clinic = new ClinicId(TypedId.parse(clinicId, "clinicId"));
        queue.setAutoApproval(user, clinic, autoApprove);
        return "redirect:/access/registry/record-requests?saved&clinicId=" + clinic.value();
    }

    @GetMapping("/access/registry/record-requests/{id}")
    String detail(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model) {
        UUID request = TypedId.parse(id, "id");
        model.addAttribute("candidates", queue.candidates(user, request));
        model.addAttribute("request", requests.one(user, request));
        return "access/registry-record-request";
    }

    @PostMapping("/access/registry/record-requests/{id}/take")
    String take(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model, Locale locale) {
        return act(user, id, model, locale, () -> queue.take(user, TypedId.parse(id, "id")));
    }

    @PostMapping("/access/registry/record-requests/{id}/approve")
    String approve(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String patientId,
            Model model,
            Locale locale) {
        return act(user, id, model, locale, () -> queue.approve(user, TypedId.parse(id, "id"), patientId));
    }

    @PostMapping("/access/registry/record-requests/{id}/refuse")
    String refuse(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String reason,
            Model model,
            Locale locale) {
        model.addAttribute("reason", reason);
        return act(user, id, model, locale, () -> queue.refuse(user, TypedId.parse(id, "id"), reason));
    }

    private String act(SignedInUser user, String id, Model model, Locale locale, Runnable step) {
        try {
            step.run();
            return "redirect:/access/registry/record-requests/" + TypedId.parse(id, "id");
        } catch (DomainException refused) {
            if (refused instanceof NotFound) {
                throw refused;
            }
            model.addAttribute("errors", errors.of(refused, locale));
            return detail(user, id, model);
        }
    }
}
