package org.medkarta.clinic.web;

import java.util.Locale;
import java.util.UUID;
import org.medkarta.clinic.AttachmentKind;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.DocumentKind;
import org.medkarta.clinic.OfferAndConsent;
import org.medkarta.clinic.PatientAttachments;
import org.medkarta.identity.Role;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.TypedId;
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
 * The public catalogue: clinics by region, doctors by specialty with search by name, doctor cards
 * with services and prices, and the clinics' documents; a patient asks for attachment here.
 */
@Controller
class CataloguePages {

    private final ClinicCatalogue directory;
    private final OfferAndConsent offerAndConsent;
    private final PatientAttachments patientAttachments;
    private final Forms forms;

    CataloguePages(
            ClinicCatalogue directory,
            OfferAndConsent offerAndConsent,
            PatientAttachments patientAttachments,
            Forms forms) {
        this.forms = forms;
        this.directory = directory;
        this.offerAndConsent = offerAndConsent;
        this.patientAttachments = patientAttachments;
    }

    @GetMapping("/clinics")
    String clinics(@RequestParam(required = false) String region, Model model) {
        model.addAttribute("regions", directory.regions());
        model.addAttribute("region", region);
        model.addAttribute("clinics", directory.catalogue(region));
        return "clinic/catalogue-clinics";
    }

    @GetMapping("/clinics/{id}")
    String clinic(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model) {
        var clinic = directory.card(ClinicId.of(id));
        model.addAttribute("clinic", clinic);
        model.addAttribute("doctors", directory.findDoctors(null, null, clinic.id()));
        model.addAttribute("services", directory.activeServices(clinic.id()));
        model.addAttribute("documents", offerAndConsent.currentDocuments(clinic.id()));
        model.addAttribute("attachmentKinds", AttachmentKind.values());
        model.addAttribute("patient", user != null && user.has(Role.PATIENT));
        return "clinic/catalogue-clinic";
    }

    /** A patient asks to be attached to the clinic (SPEC B6). */
    @PostMapping("/clinics/{id}/attach")
    @PreAuthorize("hasRole('PATIENT')")
    String attach(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, @RequestParam String kind) {
        patientAttachments.requestAttachment(user, ClinicId.of(id), kind);
        return "redirect:/clinics/" + id + "?attachRequested";
    }

    /** The signed-in patient's attachments and requests, with the clinics' decisions. */
    @GetMapping("/attachments")
    @PreAuthorize("hasRole('PATIENT')")
    String attachments(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("attachments", patientAttachments.attachmentsOf(user.patientId()));
        return "clinic/attachments";
    }

    /** The patient answers a refusal, once; a wrong answer is told beside its field. */
    @PostMapping("/attachments/{id}/appeal")
    @PreAuthorize("hasRole('PATIENT')")
    String appeal(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            Locale locale) {
        UUID attachment = TypedId.parse(id, "id");
        try {
            patientAttachments.appealAttachment(user, attachment, Forms.first(form, "text"));
            return "redirect:/attachments?appealed";
        } catch (DomainException refused) {
            forms.refused(refused, form, model, locale);
            model.addAttribute("appealing", attachment);
            return attachments(user, model);
        }
    }

    @GetMapping("/clinics/{id}/documents/{kind}")
    String document(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @PathVariable String kind,
            @RequestParam(required = false) Integer version,
            Model model,
            Locale locale) {
        var clinic = directory.card(ClinicId.of(id));
        DocumentKind documentKind = Requests.documentKind(kind);
        var document = version == null
                ? offerAndConsent.current(clinic.id(), documentKind).orElseThrow(NotFound::new)
                : offerAndConsent.version(clinic.id(), documentKind, version);
        model.addAttribute("clinic", clinic);
        model.addAttribute("document", document);
        model.addAttribute("path", kind);
        model.addAttribute("html", offerAndConsent.documentHtml(document, user, locale));
        model.addAttribute("versions", offerAndConsent.versions(clinic.id(), documentKind));
        model.addAttribute("zone", directory.timezone(clinic.id()));
        return "clinic/document";
    }

    @GetMapping("/doctors")
    String doctors(
            @RequestParam(required = false) String specialty, @RequestParam(required = false) String q, Model model) {
        model.addAttribute("specialties", directory.specialties());
        model.addAttribute("specialty", specialty);
        model.addAttribute("q", q);
        model.addAttribute("doctors", directory.findDoctors(specialty, q, null));
        return "clinic/catalogue-doctors";
    }

    @GetMapping("/doctors/{id}")
    String doctor(@PathVariable String id, Model model) {
        var doctor = directory.activeDoctor(DoctorId.of(id));
        model.addAttribute("doctor", doctor);
        model.addAttribute("services", directory.servicesOf(doctor.id()));
        return "clinic/catalogue-doctor";
    }
}
