package org.medkarta.clinic.web;

import java.util.Locale;
import java.util.UUID;
import org.medkarta.clinic.AttachmentStatus;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.ClinicSetUp;
import org.medkarta.clinic.PatientAttachments;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.TypedId;
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
 * The clinic's attachment requests and attached patients (SPEC B6): confirming a request, refusing one
 * with a reason the patient reads. Another clinic answers 404.
 */
@Controller
@RequestMapping("/admin/clinics")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'CLINIC_ADMIN')")
class ClinicAttachmentPages {

    private final ClinicSetUp setUp;
    private final PatientAttachments attachments;
    private final ClinicCatalogue catalogue;
    private final Forms forms;

    ClinicAttachmentPages(ClinicSetUp setUp, PatientAttachments attachments, ClinicCatalogue catalogue, Forms forms) {
        this.setUp = setUp;
        this.attachments = attachments;
        this.catalogue = catalogue;
        this.forms = forms;
    }

    @GetMapping("/{id}/attachments")
    String attachments(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model) {
        attachmentsModel(user, ClinicId.of(id), model);
        return "clinic/admin-attachments";
    }

    @PostMapping("/{id}/attachments/{attachment}/confirm")
    String confirm(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @PathVariable String attachment,
            Locale locale) {
        attachments.confirmAttachment(user, TypedId.parse(attachment, "id"), locale);
        return "redirect:/admin/clinics/" + id + "/attachments";
    }

    @PostMapping("/{id}/attachments/{attachment}/refuse")
    String refuse(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @PathVariable String attachment,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            Locale locale) {
        UUID request = TypedId.parse(attachment, "id");
        try {
            attachments.refuseAttachment(user, request, Forms.first(form, "reason"), locale);
            return "redirect:/admin/clinics/" + id + "/attachments";
        } catch (DomainException refused) {
            forms.refused(refused, form, model, locale);
            model.addAttribute("refusing", request);
            attachmentsModel(user, ClinicId.of(id), model);
            return "clinic/admin-attachments";
        }
    }

    private void attachmentsModel(SignedInUser user, ClinicId clinic, Model model) {
        model.addAttribute("clinic", setUp.clinic(user, clinic));
        model.addAttribute("requests", attachments.attachmentsOf(user, clinic, AttachmentStatus.REQUESTED));
        model.addAttribute("attached", attachments.attachmentsOf(user, clinic, AttachmentStatus.CONFIRMED));
        model.addAttribute("zone", catalogue.timezone(clinic));
    }
}
