package org.medkarta.clinic.web;

import java.util.Locale;
import org.medkarta.clinic.ClinicSetUp;
import org.medkarta.clinic.ClinicStaff;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Invitations of a clinic's administrators, registrars and paramedics from its profile page (SPEC
 * A8; issues 12 and 23): one form whose fields are named after the role, its errors shown beside them
 * on the profile page. Doctors are invited on {@link ClinicDoctorPages}.
 */
@Controller
@RequestMapping("/admin/clinics")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'CLINIC_ADMIN')")
class ClinicStaffPages {

    private final ClinicSetUp setUp;
    private final ClinicStaff staff;
    private final ClinicProfileModel profiles;
    private final Forms forms;
    private final PublicUrl publicUrl;

    ClinicStaffPages(
            ClinicSetUp setUp, ClinicStaff staff, ClinicProfileModel profiles, Forms forms, PublicUrl publicUrl) {
        this.setUp = setUp;
        this.staff = staff;
        this.profiles = profiles;
        this.forms = forms;
        this.publicUrl = publicUrl;
    }

    /** Invites one more administrator of the clinic by e-mail (SPEC A8). */
    @PostMapping("/{id}/administrators")
    String inviteAdministrator(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            Locale locale) {
        return invite(user, id, "admin", setUp::inviteAdministrator, form, model, locale);
    }

    /** Invites a registrar of the clinic's registry by e-mail (issue 12). */
    @PostMapping("/{id}/registrars")
    String inviteRegistrar(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            Locale locale) {
        return invite(user, id, "registrar", staff::inviteRegistrar, form, model, locale);
    }

    /** Invites a paramedic (фельдшер) of one of the clinic's rural posts by e-mail (issue 23). */
    @PostMapping("/{id}/paramedics")
    String inviteParamedic(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            Locale locale) {
        return invite(user, id, "paramedic", staff::inviteParamedic, form, model, locale);
    }

    /** How a clinic facade invites one kind of staff. */
    @FunctionalInterface
    private interface Invitation {
        void send(SignedInUser actor, ClinicId clinic, StaffInvitation invitation, String linkBase, Locale locale);
    }

    /**
     * The clinic page's staff invitations share one form, its fields named after the role
     * ({@code adminEmail}, {@code registrarEmail}, …), its errors shown beside them.
     */
    private String invite(
            SignedInUser user,
            String id,
            String role,
            Invitation invitation,
            MultiValueMap<String, String> form,
            Model model,
            Locale locale) {
        var clinic = ClinicId.of(id);
        try {
            invitation.send(
                    user,
                    clinic,
                    new StaffInvitation(
                            Forms.first(form, role + "Email"),
                            Forms.first(form, role + "LastName"),
                            Forms.first(form, role + "FirstName"),
                            Forms.first(form, role + "Patronymic")),
                    publicUrl.base(),
                    locale);
            return "redirect:/admin/clinics/" + id + "?" + role + "Invited=" + Forms.first(form, role + "Email");
        } catch (DomainException refused) {
            forms.refused(renamed(refused, role), form, model, locale);
            profiles.fill(user, clinic, model);
            model.addAttribute(role + "Values", Forms.values(form));
            return "clinic/admin-profile";
        }
    }

    /** The invitation's fields named as the form names them: {@code email} becomes {@code registrarEmail}. */
    private static DomainException renamed(DomainException refused, String prefix) {
        if (!(refused instanceof InvalidInput invalid)) {
            return refused;
        }
        return new InvalidInput(invalid.errors().stream()
                .map(error -> new InvalidInput.FieldError(
                        prefix + capitalise(error.field()), error.messageCode(), error.arguments()))
                .toList());
    }

    private static String capitalise(String field) {
        return Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }
}
