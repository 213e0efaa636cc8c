package org.medkarta.clinic.web;

import java.util.Locale;
import java.util.Map;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.ClinicSetUp;
import org.medkarta.clinic.DocumentKind;
import org.medkarta.clinic.OfferAndConsent;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DomainException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The clinic's offer and consent pages (SPEC B2; seed 000: published after the profile): the current
 * text to edit, every published version, and publishing a new one. Another clinic answers 404.
 */
@Controller
@RequestMapping("/admin/clinics")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'CLINIC_ADMIN')")
class ClinicDocumentPages {

    private final ClinicSetUp setUp;
    private final OfferAndConsent documents;
    private final ClinicCatalogue catalogue;
    private final Forms forms;

    ClinicDocumentPages(ClinicSetUp setUp, OfferAndConsent documents, ClinicCatalogue catalogue, Forms forms) {
        this.setUp = setUp;
        this.documents = documents;
        this.catalogue = catalogue;
        this.forms = forms;
    }

    @GetMapping("/{id}/documents/{kind}")
    String documents(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @PathVariable String kind,
            Model model) {
        var clinic = setUp.clinic(user, ClinicId.of(id));
        var documentKind = Requests.documentKind(kind);
        documentsModel(model, clinic.id(), documentKind);
        model.addAttribute(
                "values",
                Map.of(
                        "text",
                        documents
                                .current(clinic.id(), documentKind)
                                .map(current -> current.text())
                                .orElse("")));
        return "clinic/admin-documents";
    }

    @PostMapping("/{id}/documents/{kind}")
    String publish(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @PathVariable String kind,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            Locale locale) {
        var clinic = ClinicId.of(id);
        var documentKind = Requests.documentKind(kind);
        try {
            var published = documents.publish(user, clinic, documentKind, Forms.first(form, "text"));
            return "redirect:/admin/clinics/" + id + "/documents/" + kind + "?published=" + published.version();
        } catch (DomainException refused) {
            forms.refused(refused, form, model, locale);
            model.addAttribute("clinic", setUp.clinic(user, clinic));
            documentsModel(model, clinic, documentKind);
            return "clinic/admin-documents";
        }
    }

    private void documentsModel(Model model, ClinicId clinic, DocumentKind kind) {
        if (!model.containsAttribute("clinic")) {
            model.addAttribute("clinic", catalogue.card(clinic));
        }
        model.addAttribute("kind", kind);
        model.addAttribute("path", kind.name().toLowerCase(Locale.ROOT));
        model.addAttribute("versions", documents.versions(clinic, kind));
        model.addAttribute("zone", catalogue.timezone(clinic));
    }
}
