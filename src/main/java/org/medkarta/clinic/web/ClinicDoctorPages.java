package org.medkarta.clinic.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.ClinicSetUp;
import org.medkarta.clinic.ClinicStaff;
import org.medkarta.clinic.DoctorForm;
import org.medkarta.clinic.DoctorView;
import org.medkarta.clinic.HeadsOfDepartment;
import org.medkarta.clinic.Visibility;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.PublicUrl;
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
 * The clinic's doctors pages (SPEC B3, A8): the list with the invitation form, a doctor's profile,
 * specialties, activity and photo. Another clinic and its doctors answer 404.
 */
@Controller
@RequestMapping("/admin/clinics")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'CLINIC_ADMIN')")
class ClinicDoctorPages {

    private final ClinicSetUp setUp;
    private final ClinicStaff staff;
    private final ClinicCatalogue catalogue;
    private final HeadsOfDepartment heads;
    private final Forms forms;
    private final PublicUrl publicUrl;

    ClinicDoctorPages(
            ClinicSetUp setUp,
            ClinicStaff staff,
            ClinicCatalogue catalogue,
            HeadsOfDepartment heads,
            Forms forms,
            PublicUrl publicUrl) {
        this.setUp = setUp;
        this.staff = staff;
        this.catalogue = catalogue;
        this.heads = heads;
        this.forms = forms;
        this.publicUrl = publicUrl;
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
            var doctor = staff.inviteDoctor(
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
        var doctor = staff.doctorOf(user, ClinicId.of(id), DoctorId.of(doctorId));
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
            staff.updateDoctor(
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
            doctorModel(user, staff.doctorOf(user, clinic, doctor), model);
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
            staff.setPhoto(user, clinic, doctor, photo.getBytes());
            return "redirect:/admin/clinics/" + id + "/doctors/" + doctorId + "?saved";
        } catch (DomainException refused) {
            forms.refused(refused, null, model, locale);
            doctorModel(user, staff.doctorOf(user, clinic, doctor), model);
            return "clinic/admin-doctor";
        }
    }

    private void doctorsModel(SignedInUser user, ClinicId clinic, Model model) {
        model.addAttribute("clinic", setUp.clinic(user, clinic));
        model.addAttribute("doctors", staff.doctorsOf(user, clinic));
        model.addAttribute("heads", heads.of(user, clinic));
        model.addAttribute("specialties", catalogue.specialties());
        model.addAttribute("visibilities", Visibility.values());
    }

    private void doctorModel(SignedInUser user, DoctorView doctor, Model model) {
        model.addAttribute("clinic", setUp.clinic(user, doctor.clinicId()));
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
}
