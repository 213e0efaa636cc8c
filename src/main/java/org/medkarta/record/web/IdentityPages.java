package org.medkarta.record.web;

import java.util.Locale;
import java.util.Map;
import org.medkarta.access.RecordAccess;
import org.medkarta.access.RecordAction;
import org.medkarta.identity.SignedInUser;
import org.medkarta.record.ClinicalEntries;
import org.medkarta.record.IdentityForm;
import org.medkarta.record.PatientIdentifiers;
import org.medkarta.shared.DomainException;
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
 * The record's identity section (SPEC E1, E7, F4): sex, SNILS and OMS policy set by staff, and the
 * records that share a policy number for administrators; under {@code /record/{id}/identity} and
 * {@code /record/shared-identifiers}.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class IdentityPages {

    private final RecordAccess access;
    private final ClinicalEntries clinical;
    private final PatientIdentifiers patientIds;
    private final PageErrors errors;

    IdentityPages(RecordAccess access, ClinicalEntries clinical, PatientIdentifiers patientIds, PageErrors errors) {
        this.access = access;
        this.clinical = clinical;
        this.patientIds = patientIds;
        this.errors = errors;
    }

    @GetMapping("/record/{id}/identity")
    String identity(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model) {
        var decision = access.require(user, Params.patient(id), RecordAction.WRITE);
        model.addAttribute("header", clinical.clinicianHeader(decision, user));
        model.addAttribute("identifiers", patientIds.identifiers(decision));
        model.addAttribute("changesIdentifiers", patientIds.changesIdentifiers(decision, user));
        RecordPageFrame.add(model, access, user, decision);
        return "record/identity";
    }

    @PostMapping("/record/{id}/identity")
    String changeIdentity(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam Map<String, String> params,
            Model model,
            Locale locale) {
        var decision = access.require(user, Params.patient(id), RecordAction.WRITE);
        try {
            patientIds.changeIdentity(
                    decision,
                    user,
                    new IdentityForm(
                            params.get("sex"),
                            params.get("snils"),
                            params.get("omsNumber"),
                            params.get("omsInsurer"),
                            params.get("omsValidTo"),
                            params.get("reason")));
            return "redirect:/record/" + id + "?saved";
        } catch (DomainException refused) {
            model.addAttribute("errors", errors.of(refused, locale));
            model.addAttribute("form", params);
            model.addAttribute("header", clinical.clinicianHeader(decision, user));
            model.addAttribute("identifiers", patientIds.identifiers(decision));
            model.addAttribute("changesIdentifiers", patientIds.changesIdentifiers(decision, user));
            RecordPageFrame.add(model, access, user, decision);
            return "record/identity";
        }
    }

    @GetMapping("/record/shared-identifiers")
    String shared(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("groups", patientIds.sharedIdentifiers(user));
        return "record/shared";
    }
}
