package org.medkarta.clinic.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.medkarta.clinic.AttachmentStatus;
import org.medkarta.clinic.ClinicAdministrators;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.ClinicForm;
import org.medkarta.clinic.ClinicServices;
import org.medkarta.clinic.ClinicSetUp;
import org.medkarta.clinic.ClinicStaff;
import org.medkarta.clinic.DoctorForm;
import org.medkarta.clinic.DoctorView;
import org.medkarta.clinic.DocumentKind;
import org.medkarta.clinic.HeadsOfDepartment;
import org.medkarta.clinic.OfferAndConsent;
import org.medkarta.clinic.PatientAttachments;
import org.medkarta.clinic.ServiceForm;
import org.medkarta.clinic.ServiceFormat;
import org.medkarta.clinic.ServiceId;
import org.medkarta.clinic.ServiceKind;
import org.medkarta.clinic.ServiceView;
import org.medkarta.clinic.StaffInvitation;
import org.medkarta.clinic.Visibility;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.PublicUrl;
import org.medkarta.shared.TypedId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The clinic administrator's pages, in the set-up order of seed 000: the profile, then the offer
 * and consent, then doctors and services; and the attachment requests. Another clinic answers 404.
 */
@Controller
@RequestMapping("/admin/clinics")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'CLINIC_ADMIN')")
class ClinicAdminPages {

    private final ClinicSetUp directory;
    private final ClinicAdministrators administrators;
    private final ClinicCatalogue catalogue;
    private final OfferAndConsent offerAndConsent;
    private final ClinicStaff clinicStaff;
    private final ClinicServices clinicServices;
    private final PatientAttachments patientAttachments;
    private final HeadsOfDepartment heads;
    private final Forms forms;
    private final PublicUrl publicUrl;

    ClinicAdminPages(
            ClinicSetUp directory,
            ClinicAdministrators administrators,
            ClinicCatalogue catalogue,
            OfferAndConsent offerAndConsent,
            ClinicStaff clinicStaff,
            ClinicServices clinicServices,
            PatientAttachments patientAttachments,
            HeadsOfDepartment heads,
            Forms forms,
            PublicUrl publicUrl) {
        this.heads = heads;
        this.publicUrl = publicUrl;
        this.directory = directory;
        this.administrators = administrators;
        this.catalogue = catalogue;
        this.offerAndConsent = offerAndConsent;
        this.clinicStaff = clinicStaff;
        this.clinicServices = clinicServices;
        this.patientAttachments = patientAttachments;
        this.forms = forms;
    }

    @GetMapping
    String list(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("clinics", administrators.administered(user));
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
                    ? java.util.List.<StaffInvitation>of()
                    : java.util.List.of(new StaffInvitation(
                            Forms.first(form, "adminEmail"),
                            Forms.first(form, "adminLastName"),
                            Forms.first(form, "adminFirstName"),
                            Forms.first(form, "adminPatronymic")));
            var clinic = directory.register(user, clinicForm(form), administrators, publicUrl.base(), locale);
            return "redirect:/admin/clinics/" + clinic.id().value();
        } catch (DomainException refused) {
            forms.refused(renamedAdminErrors(refused, "administrators[0]."), form, model, locale);
            model.addAttribute("regions", catalogue.regions());
            return "clinic/admin-new";
        }
    }

    @GetMapping("/{id}")
    String profile(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model) {
        profileModel(user, ClinicId.of(id), model);
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
            directory.update(user, clinic, clinicForm(form));
            return "redirect:/admin/clinics/" + id + "?saved";
        } catch (DomainException refused) {
            forms.refused(refused, form, model, locale);
            model.addAttribute("clinic", directory.clinic(user, clinic));
            model.addAttribute("regions", catalogue.regions());
            return "clinic/admin-profile";
        }
    }

    /** Invites one more administrator of the clinic by e-mail (SPEC A8). */
    @PostMapping("/{id}/administrators")
    String inviteAdministrator(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            Locale locale) {
        return invite(user, id, "admin", directory::inviteAdministrator, form, model, locale);
    }

    /** Invites a registrar of the clinic's registry by e-mail (issue 12). */
    @PostMapping("/{id}/registrars")
    String inviteRegistrar(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            Locale locale) {
        return invite(user, id, "registrar", clinicStaff::inviteRegistrar, form, model, locale);
    }

    /** Invites a paramedic (фельдшер) of one of the clinic's rural posts by e-mail (issue 23). */
    @PostMapping("/{id}/paramedics")
    String inviteParamedic(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            Locale locale) {
        return invite(user, id, "paramedic", clinicStaff::inviteParamedic, form, model, locale);
    }

    /** How the directory invites one kind of staff. */
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
            profileModel(user, clinic, model);
            model.addAttribute(role + "Values", Forms.values(form));
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
            directory.setLogo(user, clinic, logo.getBytes());
            return "redirect:/admin/clinics/" + id + "?saved";
        } catch (DomainException refused) {
            forms.refused(refused, null, model, locale);
            profileModel(user, clinic, model);
            return "clinic/admin-profile";
        }
    }

    @GetMapping("/{id}/documents/{kind}")
    String documents(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @PathVariable String kind,
            Model model) {
        var clinic = directory.clinic(user, ClinicId.of(id));
        var documentKind = Requests.documentKind(kind);
        documentsModel(model, clinic.id(), documentKind);
        model.addAttribute(
                "values",
                Map.of(
                        "text",
                        offerAndConsent
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
            var published = offerAndConsent.publish(user, clinic, documentKind, Forms.first(form, "text"));
            return "redirect:/admin/clinics/" + id + "/documents/" + kind + "?published=" + published.version();
        } catch (DomainException refused) {
            forms.refused(refused, form, model, locale);
            model.addAttribute("clinic", directory.clinic(user, clinic));
            documentsModel(model, clinic, documentKind);
            return "clinic/admin-documents";
        }
    }

    @GetMapping("/{id}/doctors")
    String doctors(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model) {
        doctorsModel(user, ClinicId.of(id), model);
        model.addAttribute("values", Map.of("visibility", "REGION"));
        return "clinic/admin-doctors";
    }

    @PostMapping("/{id}/doctors")
    String invite(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            Locale locale) {
        var clinic = ClinicId.of(id);
        try {
            var doctor = clinicStaff.inviteDoctor(
                    user,
                    clinic,
                    new DoctorForm(
                            Forms.first(form, "email"),
                            Forms.first(form, "lastName"),
                            Forms.first(form, "firstName"),
                            Forms.first(form, "patronymic"),
                            Forms.all(form, "specialties"),
                            Forms.first(form, "position"),
                            Forms.integer(form, "experienceYears"),
                            Forms.first(form, "biography"),
                            null,
                            Forms.first(form, "visibility"),
                            true),
                    publicUrl.base(),
                    locale);
            return "redirect:/admin/clinics/" + id + "/doctors?invited=" + doctor.email();
        } catch (DomainException refused) {
            forms.refused(refused, form, model, locale);
            model.addAttribute("chosen", Forms.all(form, "specialties"));
            doctorsModel(user, clinic, model);
            return "clinic/admin-doctors";
        }
    }

    @GetMapping("/{id}/doctors/{doctorId}")
    String doctor(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @PathVariable String doctorId,
            Model model) {
        var doctor = clinicStaff.doctorOf(user, ClinicId.of(id), DoctorId.of(doctorId));
        doctorModel(user, doctor, model);
        return "clinic/admin-doctor";
    }

    @PostMapping("/{id}/doctors/{doctorId}")
    String updateDoctor(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @PathVariable String doctorId,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            Locale locale) {
        var clinic = ClinicId.of(id);
        var doctor = DoctorId.of(doctorId);
        try {
            clinicStaff.updateDoctor(
                    user,
                    clinic,
                    doctor,
                    new DoctorForm(
                            null,
                            Forms.first(form, "lastName"),
                            Forms.first(form, "firstName"),
                            Forms.first(form, "patronymic"),
                            Forms.all(form, "specialties"),
                            Forms.first(form, "position"),
                            Forms.integer(form, "experienceYears"),
                            Forms.first(form, "biography"),
                            Forms.first(form, "timezone"),
                            Forms.first(form, "visibility"),
                            form.containsKey("active")));
            return "redirect:/admin/clinics/" + id + "/doctors/" + doctorId + "?saved";
        } catch (DomainException refused) {
            doctorModel(user, clinicStaff.doctorOf(user, clinic, doctor), model);
            forms.refused(refused, form, model, locale);
            model.addAttribute("chosen", Forms.all(form, "specialties"));
            model.addAttribute("active", form.containsKey("active"));
            return "clinic/admin-doctor";
        }
    }

    @PostMapping("/{id}/doctors/{doctorId}/photo")
    String photo(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @PathVariable String doctorId,
            @RequestParam("photo") MultipartFile photo,
            Model model,
            Locale locale)
            throws IOException {
        var clinic = ClinicId.of(id);
        var doctor = DoctorId.of(doctorId);
        try {
            clinicStaff.setPhoto(user, clinic, doctor, photo.getBytes());
            return "redirect:/admin/clinics/" + id + "/doctors/" + doctorId + "?saved";
        } catch (DomainException refused) {
            forms.refused(refused, null, model, locale);
            doctorModel(user, clinicStaff.doctorOf(user, clinic, doctor), model);
            return "clinic/admin-doctor";
        }
    }

    @GetMapping("/{id}/services")
    String services(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model) {
        servicesModel(user, ClinicId.of(id), model);
        model.addAttribute(
                "values",
                Map.of("visibility", "REGION", "format", "VIDEO", "kind", "PRIMARY", "durationMinutes", "30"));
        return "clinic/admin-services";
    }

    @PostMapping("/{id}/services")
    String addService(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            Locale locale) {
        var clinic = ClinicId.of(id);
        try {
            clinicServices.addService(user, clinic, serviceForm(form, true));
            return "redirect:/admin/clinics/" + id + "/services?added";
        } catch (DomainException refused) {
            forms.refused(refused, form, model, locale);
            model.addAttribute("chosen", Forms.all(form, "doctorIds"));
            servicesModel(user, clinic, model);
            return "clinic/admin-services";
        }
    }

    /** The service form of the services page, for adding a service and for changing one. */
    private static ServiceForm serviceForm(MultiValueMap<String, String> form, boolean active) {
        return new ServiceForm(
                Forms.first(form, "name"),
                Forms.first(form, "specialty"),
                Forms.first(form, "format"),
                Forms.first(form, "kind"),
                Forms.integer(form, "durationMinutes"),
                Forms.kopecks(form, "priceRoubles", "priceKopecks"),
                Forms.all(form, "doctorIds"),
                Forms.first(form, "visibility"),
                active);
    }

    /** A service's form filled with what it is now, and the history of its price. */
    @GetMapping("/{id}/services/{serviceId}")
    String service(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @PathVariable String serviceId,
            Model model) {
        var clinic = ClinicId.of(id);
        var service = clinicServices.serviceOf(user, clinic, ServiceId.of(serviceId));
        var values = new LinkedMultiValueMap<String, String>();
        values.add("name", service.name());
        values.add("specialty", service.specialty().code());
        values.add("format", service.format().name());
        values.add("kind", service.kind().name());
        values.add("durationMinutes", Integer.toString(service.durationMinutes()));
        values.add("priceRoubles", service.priceRoubles().stripTrailingZeros().toPlainString());
        values.add("visibility", service.visibility().name());
        model.addAttribute("values", Forms.values(values));
        model.addAttribute(
                "chosen",
                service.doctorIds().stream().map(d -> d.value().toString()).toList());
        model.addAttribute("active", service.active());
        editModel(user, clinic, service, model);
        return "clinic/admin-services";
    }

    @PostMapping("/{id}/services/{serviceId}")
    String updateService(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @PathVariable String serviceId,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            Locale locale) {
        var clinic = ClinicId.of(id);
        var service = clinicServices.serviceOf(user, clinic, ServiceId.of(serviceId));
        try {
            clinicServices.updateService(user, clinic, service.id(), serviceForm(form, form.containsKey("active")));
            return "redirect:/admin/clinics/" + id + "/services?saved";
        } catch (DomainException refused) {
            forms.refused(refused, form, model, locale);
            model.addAttribute("chosen", Forms.all(form, "doctorIds"));
            model.addAttribute("active", form.containsKey("active"));
            editModel(user, clinic, service, model);
            return "clinic/admin-services";
        }
    }

    private void editModel(SignedInUser user, ClinicId clinic, ServiceView service, Model model) {
        servicesModel(user, clinic, model);
        model.addAttribute("editing", service);
        model.addAttribute("priceChanges", clinicServices.priceChanges(user, clinic, service.id()));
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
        patientAttachments.confirmAttachment(user, TypedId.parse(attachment, "id"), locale);
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
            patientAttachments.refuseAttachment(user, request, Forms.first(form, "reason"), locale);
            return "redirect:/admin/clinics/" + id + "/attachments";
        } catch (DomainException refused) {
            forms.refused(refused, form, model, locale);
            model.addAttribute("refusing", request);
            attachmentsModel(user, ClinicId.of(id), model);
            return "clinic/admin-attachments";
        }
    }

    private void documentsModel(Model model, ClinicId clinic, DocumentKind kind) {
        if (!model.containsAttribute("clinic")) {
            model.addAttribute("clinic", catalogue.card(clinic));
        }
        model.addAttribute("kind", kind);
        model.addAttribute("path", kind.name().toLowerCase(Locale.ROOT));
        model.addAttribute("versions", offerAndConsent.versions(clinic, kind));
        model.addAttribute("zone", catalogue.timezone(clinic));
    }

    private void doctorsModel(SignedInUser user, ClinicId clinic, Model model) {
        model.addAttribute("clinic", directory.clinic(user, clinic));
        model.addAttribute("doctors", clinicStaff.doctorsOf(user, clinic));
        model.addAttribute("heads", heads.of(user, clinic));
        model.addAttribute("specialties", catalogue.specialties());
        model.addAttribute("visibilities", Visibility.values());
    }

    /** The profile page with the stored profile in its fields (after a refused logo or invitation). */
    private void profileModel(SignedInUser user, ClinicId clinic, Model model) {
        var found = directory.clinic(user, clinic);
        model.addAttribute("clinic", found);
        model.addAttribute("values", profileValues(found));
        model.addAttribute("regions", catalogue.regions());
    }

    private void attachmentsModel(SignedInUser user, ClinicId clinic, Model model) {
        model.addAttribute("clinic", directory.clinic(user, clinic));
        model.addAttribute("requests", patientAttachments.attachmentsOf(user, clinic, AttachmentStatus.REQUESTED));
        model.addAttribute("attached", patientAttachments.attachmentsOf(user, clinic, AttachmentStatus.CONFIRMED));
        model.addAttribute("zone", catalogue.timezone(clinic));
    }

    private void doctorModel(SignedInUser user, DoctorView doctor, Model model) {
        model.addAttribute("clinic", directory.clinic(user, doctor.clinicId()));
        model.addAttribute("doctor", doctor);
        model.addAttribute("specialties", catalogue.specialties());
        model.addAttribute("visibilities", Visibility.values());
        model.addAttribute("values", doctorValues(doctor));
        model.addAttribute(
                "chosen", doctor.specialties().stream().map(s -> s.code()).toList());
        model.addAttribute("active", doctor.active());
    }

    private static Map<String, String> doctorValues(DoctorView doctor) {
        var values = new LinkedMultiValueMap<String, String>();
        values.add("lastName", doctor.lastName());
        values.add("firstName", doctor.firstName());
        values.add("patronymic", doctor.patronymic());
        values.add("position", doctor.position());
        values.add(
                "experienceYears",
                doctor.experienceYears() == null
                        ? null
                        : doctor.experienceYears().toString());
        values.add("biography", doctor.biography());
        values.add("timezone", doctor.timezone());
        values.add("visibility", doctor.visibility().name());
        return Forms.values(values);
    }

    private void servicesModel(SignedInUser user, ClinicId clinic, Model model) {
        model.addAttribute("clinic", directory.clinic(user, clinic));
        model.addAttribute("services", clinicServices.servicesOf(user, clinic));
        model.addAttribute("doctors", clinicStaff.doctorsOf(user, clinic));
        model.addAttribute("heads", heads.of(user, clinic));
        model.addAttribute("specialties", catalogue.specialties());
        model.addAttribute("visibilities", Visibility.values());
        model.addAttribute("formats", ServiceFormat.values());
        model.addAttribute("kinds", ServiceKind.values());
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

    private static Map<String, String> profileValues(org.medkarta.clinic.ClinicView clinic) {
        var values = new LinkedMultiValueMap<String, String>();
        values.add("name", clinic.name());
        values.add("inn", clinic.inn());
        values.add("ogrn", clinic.ogrn());
        values.add("licenseNumber", clinic.licenseNumber());
        values.add(
                "licenseDate",
                clinic.licenseDate() == null ? null : clinic.licenseDate().toString());
        values.add("region", clinic.region());
        values.add("address", clinic.address());
        values.add("timezone", clinic.timezone());
        values.add("phone", clinic.phone());
        values.add("phoneExtra", clinic.phoneExtra());
        values.add("email", clinic.email());
        values.add("site", clinic.site());
        values.add("description", clinic.description());
        values.add(
                "latitude", clinic.latitude() == null ? null : clinic.latitude().toString());
        values.add(
                "longitude",
                clinic.longitude() == null ? null : clinic.longitude().toString());
        return Forms.values(values);
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
