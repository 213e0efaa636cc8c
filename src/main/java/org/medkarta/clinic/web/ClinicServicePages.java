package org.medkarta.clinic.web;

import java.util.Locale;
import java.util.Map;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.ClinicServices;
import org.medkarta.clinic.ClinicSetUp;
import org.medkarta.clinic.ClinicStaff;
import org.medkarta.clinic.HeadsOfDepartment;
import org.medkarta.clinic.ServiceForm;
import org.medkarta.clinic.ServiceFormat;
import org.medkarta.clinic.ServiceId;
import org.medkarta.clinic.ServiceKind;
import org.medkarta.clinic.ServiceView;
import org.medkarta.clinic.Visibility;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DomainException;
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

/**
 * The clinic's services pages (SPEC B4, B5): the list with the form for a new service, changing a
 * service with the history of its price. Another clinic and its services answer 404.
 */
@Controller
@RequestMapping("/admin/clinics")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'CLINIC_ADMIN')")
class ClinicServicePages {

    private final ClinicSetUp setUp;
    private final ClinicStaff staff;
    private final ClinicServices services;
    private final ClinicCatalogue catalogue;
    private final HeadsOfDepartment heads;
    private final Forms forms;

    ClinicServicePages(
            ClinicSetUp setUp,
            ClinicStaff staff,
            ClinicServices services,
            ClinicCatalogue catalogue,
            HeadsOfDepartment heads,
            Forms forms) {
        this.setUp = setUp;
        this.staff = staff;
        this.services = services;
        this.catalogue = catalogue;
        this.heads = heads;
        this.forms = forms;
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
            services.addService(user, clinic, serviceForm(form, true));
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
        var service = services.serviceOf(user, clinic, ServiceId.of(serviceId));
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
        var service = services.serviceOf(user, clinic, ServiceId.of(serviceId));
        try {
            services.updateService(user, clinic, service.id(), serviceForm(form, form.containsKey("active")));
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
        model.addAttribute("priceChanges", services.priceChanges(user, clinic, service.id()));
    }

    private void servicesModel(SignedInUser user, ClinicId clinic, Model model) {
        model.addAttribute("clinic", setUp.clinic(user, clinic));
        model.addAttribute("services", services.servicesOf(user, clinic));
        model.addAttribute("doctors", staff.doctorsOf(user, clinic));
        model.addAttribute("heads", heads.of(user, clinic));
        model.addAttribute("specialties", catalogue.specialties());
        model.addAttribute("visibilities", Visibility.values());
        model.addAttribute("formats", ServiceFormat.values());
        model.addAttribute("kinds", ServiceKind.values());
    }
}
