package org.medkarta.access.web;

import java.util.Locale;
import java.util.Map;
import org.medkarta.access.ChildForm;
import org.medkarta.access.EmergencyAccess;
import org.medkarta.access.Guardianship;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.medkarta.web.PageErrors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff pages of the access module: clinic administrators link parents and children and give a
 * child of 15 their own phone (SPEC E11); doctors open a record in an emergency (SPEC F4).
 */
@Controller
class StaffPages {

    private final Guardianship guardianship;
    private final EmergencyAccess access;
    private final AccountDirectory identity;
    private final PageErrors errors;

    StaffPages(Guardianship guardianship, EmergencyAccess access, AccountDirectory identity, PageErrors errors) {
        this.guardianship = guardianship;
        this.access = access;
        this.identity = identity;
        this.errors = errors;
    }

    @GetMapping("/admin/guardianships")
    @PreAuthorize("hasAnyRole('CLINIC_ADMIN', 'PLATFORM_ADMIN')")
    String guardianships(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new LinkForm(null, null, null, null, null, null));
        }
        return "access/admin-guardianships";
    }

    /** The link form as typed. */
    record LinkForm(
            String parentPhone,
            String childQuery,
            String lastName,
            String firstName,
            String patronymic,
            String birthDate) {}

    @PostMapping("/admin/guardianships")
    @PreAuthorize("hasAnyRole('CLINIC_ADMIN', 'PLATFORM_ADMIN')")
    String link(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String parentPhone,
            @RequestParam(required = false) String childQuery,
            @RequestParam(required = false) String lastName,
            @RequestParam(required = false) String firstName,
            @RequestParam(required = false) String patronymic,
            @RequestParam(required = false) String birthDate,
            Model model,
            Locale locale) {
        var form = new LinkForm(parentPhone, childQuery, lastName, firstName, patronymic, birthDate);
        try {
            guardianship.linkByStaff(
                    user,
                    parentPhone,
                    childQuery,
                    new ChildForm(lastName, firstName, patronymic, birthDate, null, null));
            return "redirect:/admin/guardianships?linked";
        } catch (DomainException refused) {
            if (refused instanceof NotFound) {
                throw refused;
            }
            model.addAttribute("form", form);
            model.addAttribute(
                    "errors",
                    errors.of(refused, locale, Map.of("child-of-age", "birthDate", "already-linked", "form")));
            return guardianships(model);
        }
    }

    @PostMapping("/admin/guardianships/own-phone")
    @PreAuthorize("hasAnyRole('CLINIC_ADMIN', 'PLATFORM_ADMIN')")
    String ownPhone(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(name = "ownChildQuery", required = false) String childQuery,
            @RequestParam(required = false) String phone,
            Model model,
            Locale locale) {
        try {
            var child = identity.findPatients(childQuery).stream()
                    .findFirst()
                    .orElseThrow(() -> new InvalidInput("ownChildQuery", "access.validation.child-unknown"));
            guardianship.givePhone(user, child.patientId(), phone);
            return "redirect:/admin/guardianships?phoneGiven";
        } catch (DomainException refused) {
            if (refused instanceof NotFound) {
                throw refused;
            }
            model.addAttribute("phoneErrors", errors.of(refused, locale, Map.of("child-under-age", "ownChildQuery")));
            model.addAttribute("ownChildQuery", childQuery);
            model.addAttribute("ownPhone", phone);
            return guardianships(model);
        }
    }

    @GetMapping("/access/emergency")
    @PreAuthorize("hasRole('DOCTOR')")
    String emergency() {
        return "access/emergency";
    }

    @PostMapping("/access/emergency")
    @PreAuthorize("hasRole('DOCTOR')")
    String openInEmergency(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String patient,
            @RequestParam(required = false) String reason,
            Model model,
            Locale locale) {
        model.addAttribute("patient", patient);
        model.addAttribute("reason", reason);
        try {
            PatientId found = identity.findPatients(patient).stream()
                    .findFirst()
                    .map(account -> account.patientId())
                    .orElseThrow(() -> new InvalidInput("patient", "access.validation.patient-unknown"));
            model.addAttribute("opening", access.openInEmergency(user, found, reason));
        } catch (DomainException refused) {
            if (refused instanceof NotFound) {
                throw refused;
            }
            model.addAttribute("errors", errors.of(refused, locale));
        }
        return "access/emergency";
    }
}
