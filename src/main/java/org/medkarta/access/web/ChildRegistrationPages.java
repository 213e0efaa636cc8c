package org.medkarta.access.web;

import java.util.Locale;
import java.util.Map;
import org.medkarta.access.ChildForm;
import org.medkarta.access.Guardianship;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.NotFound;
import org.medkarta.web.PageErrors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Registering one's child with the birth certificate (SPEC E11, F3). */
@Controller
@PreAuthorize("isAuthenticated()")
class ChildRegistrationPages {

    private final Guardianship guardianship;
    private final PageErrors errors;

    ChildRegistrationPages(Guardianship guardianship, PageErrors errors) {
        this.guardianship = guardianship;
        this.errors = errors;
    }

    @GetMapping("/access/children/new")
    String newChild(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ChildForm(null, null, null, null, null, null));
        }
        return "access/child";
    }

    @PostMapping("/access/children")
    String registerChild(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String lastName,
            @RequestParam(required = false) String firstName,
            @RequestParam(required = false) String patronymic,
            @RequestParam(required = false) String birthDate,
            @RequestParam(required = false) String certificateSeries,
            @RequestParam(required = false) String certificateNumber,
            Model model,
            Locale locale) {
        var form = new ChildForm(lastName, firstName, patronymic, birthDate, certificateSeries, certificateNumber);
        try {
            guardianship.registerChild(user, form);
            return "redirect:/access/records?childRegistered";
        } catch (DomainException refused) {
            if (refused instanceof NotFound) {
                throw refused;
            }
            model.addAttribute("form", form);
            model.addAttribute(
                    "errors",
                    errors.of(
                            refused,
                            locale,
                            Map.of("certificate-used", "certificateNumber", "child-of-age", "birthDate")));
            return newChild(model);
        }
    }
}
