package org.medkarta.clinic.web;

import java.util.Locale;
import java.util.Map;
import org.medkarta.clinic.ClinicSetUp;
import org.medkarta.clinic.ProtocolSigningPolicies;
import org.medkarta.clinic.SigningPolicy;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DomainException;
import org.medkarta.web.PageErrors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The clinic administrator's settings for signed protocols (issue 16). Another clinic answers 404. */
@Controller
@RequestMapping("/admin/clinics/{id}/signing")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'CLINIC_ADMIN')")
class ClinicSigningPages {

    private final ProtocolSigningPolicies policies;
    private final ClinicSetUp setUp;
    private final PageErrors errors;

    ClinicSigningPages(ProtocolSigningPolicies policies, ClinicSetUp setUp, PageErrors errors) {
        this.policies = policies;
        this.setUp = setUp;
        this.errors = errors;
    }

    @GetMapping
    String page(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model) {
        var clinic = ClinicId.of(id);
        if (!model.containsAttribute("policy")) {
            model.addAttribute("policy", policies.of(user, clinic));
        }
        model.addAttribute("clinic", setUp.clinic(user, clinic));
        model.addAttribute("keyPresent", policies.clinicKeyPresent(clinic));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "clinic/admin-signing";
    }

    @PostMapping
    String change(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String signatureRequired,
            @RequestParam(required = false) String coSigned,
            Model model,
            Locale locale) {
        var policy = new SigningPolicy(signatureRequired != null, coSigned != null);
        try {
            policies.change(user, ClinicId.of(id), policy);
            return "redirect:/admin/clinics/" + id + "/signing?saved";
        } catch (DomainException refused) {
            model.addAttribute("errors", errors.of(refused, locale, Map.of("clinic-key-missing", "coSigned")));
            model.addAttribute("policy", policy);
            return page(user, id, model);
        }
    }
}
