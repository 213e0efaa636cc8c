package org.medkarta.clinic.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.medkarta.clinic.ClinicAdministrators;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.ClinicForm;
import org.medkarta.clinic.ClinicSetUp;
import org.medkarta.clinic.StaffInvitation;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.PublicUrl;
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
import org.springframework.web.multipart.MultipartFile;

/**
 * The clinic administrator's list of clinics, a new clinic and its profile and logo (SPEC B1; seed
 * 000: the profile comes first in set-up). Another clinic answers 404.
 */
@Controller
@RequestMapping("/admin/clinics")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'CLINIC_ADMIN')")
class ClinicProfilePages {

    private final ClinicSetUp setUp;
    private final ClinicAdministrators clinicAdministrators;
    private final ClinicCatalogue catalogue;
    private final ClinicProfileModel profiles;
    private final Forms forms;
    private final PublicUrl publicUrl;

    ClinicProfilePages(
            ClinicSetUp setUp,
            ClinicAdministrators clinicAdministrators,
            ClinicCatalogue catalogue,
            ClinicProfileModel profiles,
            Forms forms,
            PublicUrl publicUrl) {
        this.setUp = setUp;
        this.clinicAdministrators = clinicAdministrators;
        this.catalogue = catalogue;
        this.profiles = profiles;
        this.forms = forms;
        this.publicUrl = publicUrl;
    }

    @GetMapping
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("clinics", clinicAdministrators.administered(user));
        return "clinic/admin-list";
    }

    @GetMapping("/new")
    String newClinic(Model model) {
        model.addAttribute("values", Map.of("timezone", "Europe/Moscow", "region", "77"));
        model.addAttribute("regions", catalogue.regions());
        return "clinic/admin-new";
    }

    @PostMapping
    String register(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            Locale locale) {
        try {
            var administrators = Forms.first(form, "adminEmail") == null
                            || Forms.first(form, "adminEmail").isBlank()
                    ? List.<StaffInvitation>of()
                    : List.of(new StaffInvitation(
                            Forms.first(form, "adminEmail"),
                            Forms.first(form, "adminLastName"),
                            Forms.first(form, "adminFirstName"),
                            Forms.first(form, "adminPatronymic")));
            var clinic = setUp.register(user, clinicForm(form), administrators, publicUrl.base(), locale);
            return "redirect:/admin/clinics/" + clinic.id().value();
        } catch (DomainException refused) {
            forms.refused(renamedAdminErrors(refused, "administrators[0]."), form, model, locale);
            model.addAttribute("regions", catalogue.regions());
            return "clinic/admin-new";
        }
    }

    @GetMapping("/{id}")
    String profile(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model) {
        profiles.fill(user, ClinicId.of(id), model);
        return "clinic/admin-profile";
    }

    @PostMapping("/{id}")
    String update(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            Locale locale) {
        var clinic = ClinicId.of(id);
        try {
            setUp.update(user, clinic, clinicForm(form));
            return "redirect:/admin/clinics/" + id + "?saved";
        } catch (DomainException refused) {
            forms.refused(refused, form, model, locale);
            model.addAttribute("clinic", setUp.clinic(user, clinic));
            model.addAttribute("regions", catalogue.regions());
            return "clinic/admin-profile";
        }
    }

    @PostMapping("/{id}/logo")
    String logo(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam("logo") MultipartFile logo,
            Model model,
            Locale locale)
            throws IOException {
        var clinic = ClinicId.of(id);
        try {
            setUp.setLogo(user, clinic, logo.getBytes());
            return "redirect:/admin/clinics/" + id + "?saved";
        } catch (DomainException refused) {
            forms.refused(refused, null, model, locale);
            profiles.fill(user, clinic, model);
            return "clinic/admin-profile";
        }
    }

    private static ClinicForm clinicForm(MultiValueMap<String, String> form) {
        return new ClinicForm(
                Forms.first(form, "name"),
                Forms.first(form, "inn"),
                Forms.first(form, "ogrn"),
                Forms.first(form, "licenseNumber"),
                Forms.first(form, "licenseDate"),
                Forms.first(form, "region"),
                Forms.first(form, "address"),
                Forms.first(form, "timezone"),
                Forms.first(form, "phone"),
                Forms.first(form, "phoneExtra"),
                Forms.first(form, "email"),
                Forms.first(form, "site"),
                Forms.first(form, "description"),
                Forms.first(form, "latitude"),
                Forms.first(form, "longitude"));
    }

    /** The administrator's fields on the clinic pages are named {@code adminEmail} and so on. */
    private static DomainException renamedAdminErrors(DomainException refused, String prefix) {
        if (!(refused instanceof InvalidInput invalid)) {
            return refused;
        }
        return new InvalidInput(invalid.errors().stream()
                .map(error -> error.field().startsWith(prefix)
                        ? new InvalidInput.FieldError(
                                "admin" + capitalise(error.field().substring(prefix.length())),
                                error.messageCode(),
                                error.arguments())
                        : error)
                .toList());
    }

    private static String capitalise(String field) {
        return Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }
}
