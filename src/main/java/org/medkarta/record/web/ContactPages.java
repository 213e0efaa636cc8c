package org.medkarta.record.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.medkarta.access.AccessDecision;
import org.medkarta.access.RecordAccess;
import org.medkarta.access.RecordAction;
import org.medkarta.identity.SignedInUser;
import org.medkarta.record.IdentityDocumentForm;
import org.medkarta.record.LivingRegion;
import org.medkarta.record.PatientContacts;
import org.medkarta.record.PatientIdentifiers;
import org.medkarta.record.RecordReading;
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
 * The patient's own data on the record (SPEC E1; seed 002): extra phones and e-mails, addresses, the
 * living region and the identity document; under {@code /record/{id}/contacts}, {@code addresses},
 * {@code region} and {@code identity-document}.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class ContactPages {

    private final RecordAccess access;
    private final RecordReading reading;
    private final PatientContacts contactData;
    private final PatientIdentifiers patientIds;
    private final PageErrors errors;
    private final LivingRegion regions;

    ContactPages(
            RecordAccess access,
            RecordReading reading,
            PatientContacts contactData,
            PatientIdentifiers patientIds,
            PageErrors errors,
            LivingRegion regions) {
        this.access = access;
        this.reading = reading;
        this.contactData = contactData;
        this.patientIds = patientIds;
        this.errors = errors;
        this.regions = regions;
    }

    @GetMapping("/record/{id}/contacts")
    String contacts(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model) {
        var decision = access.require(user, Params.patient(id), RecordAction.VIEW);
        return contactsPage(model, user, decision);
    }

    @PostMapping("/record/{id}/contacts")
    String addContact(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String value,
            Model model,
            Locale locale) {
        var decision = access.require(user, Params.patient(id), RecordAction.CONTRIBUTE);
        try {
            contactData.addContact(decision, user, kind, value);
            return "redirect:/record/" + id + "/contacts?saved";
        } catch (DomainException refused) {
            model.addAttribute("errors", errors.of(refused, locale));
            model.addAttribute("kind", kind);
            model.addAttribute("value", value);
            return contactsPage(model, user, decision);
        }
    }

    @PostMapping("/record/{id}/contacts/{contactId}/remove")
    String removeContact(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @PathVariable String contactId) {
        var decision = access.require(user, Params.patient(id), RecordAction.CONTRIBUTE);
        contactData.removeContact(decision, user, Params.id(contactId, "contactId"));
        return "redirect:/record/" + id + "/contacts?saved";
    }

    @PostMapping("/record/{id}/addresses")
    String changeAddress(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String which,
            @RequestParam(required = false) String address,
            Model model,
            Locale locale) {
        var decision = access.require(user, Params.patient(id), RecordAction.CONTRIBUTE);
        try {
            contactData.changeAddress(decision, user, which, address);
            return "redirect:/record/" + id + "/contacts?saved";
        } catch (DomainException refused) {
            var byField = new LinkedHashMap<String, String>();
            errors.of(refused, locale).forEach((field, message) -> byField.put(which + "-" + field, message));
            model.addAttribute("errors", byField);
            return contactsPage(model, user, decision);
        }
    }

    @PostMapping("/record/{id}/region")
    String changeRegion(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String region,
            Model model,
            Locale locale) {
        var decision = access.require(user, Params.patient(id), RecordAction.CONTRIBUTE);
        try {
            regions.change(decision, user, region);
            return "redirect:/record/" + id + "/contacts?saved";
        } catch (DomainException refused) {
            model.addAttribute("errors", errors.of(refused, locale));
            return contactsPage(model, user, decision);
        }
    }

    @PostMapping("/record/{id}/identity-document")
    String changeIdentityDocument(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam Map<String, String> params,
            Model model,
            Locale locale) {
        var decision = access.require(user, Params.patient(id), RecordAction.CONTRIBUTE);
        try {
            contactData.changeIdentityDocument(decision, user, documentForm(params));
            return "redirect:/record/" + id + "/contacts?saved";
        } catch (DomainException refused) {
            model.addAttribute("errors", errors.of(refused, locale));
            model.addAttribute("form", params);
            return contactsPage(model, user, decision);
        }
    }

    private static IdentityDocumentForm documentForm(Map<String, String> params) {
        return new IdentityDocumentForm(
                params.get("documentType"),
                params.get("documentSeries"),
                params.get("documentNumber"),
                params.get("documentIssuedOn"),
                params.get("documentIssuer"));
    }

    private String contactsPage(Model model, SignedInUser user, AccessDecision decision) {
        RecordPageFrame.add(model, access, user, decision);
        model.addAttribute("header", reading.header(decision));
        model.addAttribute("contacts", contactData.contacts(decision));
        model.addAttribute("identifiers", patientIds.identifiers(decision));
        model.addAttribute("regions", regions.choices());
        model.addAttribute("region", regions.of(decision).orElse(null));
        return "record/contacts";
    }
}
