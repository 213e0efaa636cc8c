package org.medkarta.record.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.medkarta.access.AccessDecision;
import org.medkarta.access.RecordAccess;
import org.medkarta.access.RecordAction;
import org.medkarta.identity.SignedInUser;
import org.medkarta.record.ExtractForm;
import org.medkarta.record.Extracts;
import org.medkarta.record.RecordReading;
import org.medkarta.shared.DomainException;
import org.medkarta.web.PageErrors;
import org.springframework.http.ResponseEntity;
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
 * «Заказать выписку» (SPEC E10, issue 17): the order form on the record (sections, period, issuing
 * clinic), then the extract's page, which polls its progress with htmx and offers the PDF (and the
 * clinic's signature) when it is done. Each request asks the policy point once, for a download.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class ExtractPages {

    private final RecordAccess access;
    private final RecordReading reading;
    private final Extracts extracts;
    private final PageErrors errors;

    ExtractPages(RecordAccess access, RecordReading reading, Extracts extracts, PageErrors errors) {
        this.access = access;
        this.reading = reading;
        this.extracts = extracts;
        this.errors = errors;
    }

    @GetMapping("/record/{id}/extracts/new")
    String form(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model) {
        var decision = access.require(user, Params.patient(id), RecordAction.DOWNLOAD);
        return form(model, user, decision, null, List.of(), Map.of());
    }

    @PostMapping("/record/{id}/extracts")
    String order(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            Locale locale) {
        var decision = access.require(user, Params.patient(id), RecordAction.DOWNLOAD);
        List<String> sections = params.getOrDefault("sections", List.of());
        try {
            var view = extracts.order(
                    decision,
                    user,
                    new ExtractForm(
                            sections, params.getFirst("from"), params.getFirst("to"), params.getFirst("clinicId")));
            return "redirect:/record/" + decision.patient().value() + "/extracts/" + view.id();
        } catch (DomainException refused) {
            model.addAttribute("errors", errors.of(refused, locale));
            return form(model, user, decision, params.getFirst("clinicId"), sections, params.toSingleValueMap());
        }
    }

    @GetMapping("/record/{id}/extracts/{extractId}")
    String extract(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @PathVariable String extractId,
            Model model) {
        var decision = access.require(user, Params.patient(id), RecordAction.DOWNLOAD);
        common(model, user, decision);
        model.addAttribute("header", reading.header(decision));
        model.addAttribute("extract", extracts.extract(decision, Params.id(extractId, "extractId")));
        return "record/extract";
    }

    @HxRequest
    @GetMapping("/record/{id}/extracts/{extractId}")
    String progress(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @PathVariable String extractId,
            Model model) {
        var decision = access.require(user, Params.patient(id), RecordAction.DOWNLOAD);
        model.addAttribute("patientId", decision.patient().value());
        model.addAttribute("extract", extracts.extract(decision, Params.id(extractId, "extractId")));
        return "record/extract :: progress";
    }

    @GetMapping("/record/{id}/extracts/{extractId}/extract.pdf")
    ResponseEntity<byte[]> pdf(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @PathVariable String extractId) {
        var decision = access.require(user, Params.patient(id), RecordAction.DOWNLOAD);
        return UploadApi.file(extracts.pdf(decision, Params.id(extractId, "extractId")));
    }

    @GetMapping("/record/{id}/extracts/{extractId}/extract.pdf.sig")
    ResponseEntity<byte[]> signature(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @PathVariable String extractId) {
        var decision = access.require(user, Params.patient(id), RecordAction.DOWNLOAD);
        return UploadApi.file(extracts.signature(decision, Params.id(extractId, "extractId")));
    }

    private String form(
            Model model,
            SignedInUser user,
            AccessDecision decision,
            String clinicId,
            List<String> chosen,
            Map<String, String> values) {
        common(model, user, decision);
        model.addAttribute("header", reading.header(decision));
        model.addAttribute("sections", Extracts.sectionsFor(decision));
        model.addAttribute("chosen", chosen);
        model.addAttribute("issuers", extracts.issuers(decision));
        model.addAttribute("clinicId", clinicId);
        model.addAttribute("values", values);
        return "record/extract-order";
    }

    private void common(Model model, SignedInUser user, AccessDecision decision) {
        RecordPageFrame.add(model, access, user, decision);
    }
}
