package org.medkarta.clinic.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.medkarta.clinic.AttachmentStatus;
import org.medkarta.clinic.ClinicAdministrators;
import org.medkarta.clinic.ClinicForm;
import org.medkarta.clinic.ClinicServices;
import org.medkarta.clinic.ClinicSetUp;
import org.medkarta.clinic.ClinicStaff;
import org.medkarta.clinic.DoctorForm;
import org.medkarta.clinic.PatientAttachments;
import org.medkarta.clinic.ServiceForm;
import org.medkarta.clinic.ServiceId;
import org.medkarta.clinic.StaffInvitation;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.PublicUrl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Clinic set-up for administrators (SPEC B1, B3, B4): the profile, logo, administrators, doctors and
 * services. Another clinic answers 404.
 */
@RestController
@RequestMapping("/api/v1/clinics")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'CLINIC_ADMIN')")
@Tag(name = "Clinic set-up")
class ClinicApi {

    record ClinicRequest(
            String name,
            String inn,
            String ogrn,
            String licenseNumber,
            String licenseDate,
            String region,
            String address,
            String timezone,
            String phone,
            String phoneExtra,
            String email,
            String site,
            String description,
            Double latitude,
            Double longitude,
            List<StaffInvitation> administrators) {

        ClinicForm form() {
            return new ClinicForm(
                    name,
                    inn,
                    ogrn,
                    licenseNumber,
                    licenseDate,
                    region,
                    address,
                    timezone,
                    phone,
                    phoneExtra,
                    email,
                    site,
                    description,
                    latitude == null ? null : String.valueOf(latitude),
                    longitude == null ? null : String.valueOf(longitude));
        }
    }

    private final ClinicStaff staff;
    private final ClinicSetUp clinicSetUp;
    private final ClinicAdministrators clinicAdministrators;
    private final ClinicServices clinicServices;
    private final PatientAttachments patientAttachments;
    private final PublicUrl publicUrl;

    ClinicApi(
            ClinicStaff staff,
            ClinicSetUp clinicSetUp,
            ClinicAdministrators clinicAdministrators,
            ClinicServices clinicServices,
            PatientAttachments patientAttachments,
            PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
        this.staff = staff;
        this.clinicSetUp = clinicSetUp;
        this.clinicAdministrators = clinicAdministrators;
        this.clinicServices = clinicServices;
        this.patientAttachments = patientAttachments;
    }

    /** Registers a clinic; 422 {@code invalid-input} names the wrong field (INN and OGRN checksums included). */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Json.Clinic register(@AuthenticationPrincipal SignedInUser user, @RequestBody ClinicRequest body, Locale locale) {
        return Json.Clinic.of(clinicSetUp.register(user, body.form(), body.administrators(), publicUrl.base(), locale));
    }

    /** The clinics the caller administers (every clinic for a platform administrator). */
    @GetMapping
    List<Json.Clinic> administered(@AuthenticationPrincipal SignedInUser user) {
        return clinicAdministrators.administered(user).stream()
                .map(Json.Clinic::of)
                .toList();
    }

    @GetMapping("/{id}")
    Json.Clinic clinic(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return Json.Clinic.of(clinicSetUp.clinic(user, ClinicId.of(id)));
    }

    @PutMapping("/{id}")
    Json.Clinic update(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @RequestBody ClinicRequest body) {
        return Json.Clinic.of(clinicSetUp.update(user, ClinicId.of(id), body.form()));
    }

    /** Invites another administrator of the clinic by e-mail. */
    @PostMapping("/{id}/administrators")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void inviteAdministrator(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestBody StaffInvitation body,
            Locale locale) {
        clinicSetUp.inviteAdministrator(user, ClinicId.of(id), body, publicUrl.base(), locale);
    }

    /**
     * Invites a registrar of the clinic's registry by e-mail: {@code {email, lastName, firstName,
     * patronymic?}} → 204; 422 {@code invalid-input} naming each wrong field; 404 for anyone but the
     * clinic's administrators.
     */
    @PostMapping("/{id}/registrars")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void inviteRegistrar(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestBody StaffInvitation body,
            Locale locale) {
        staff.inviteRegistrar(user, ClinicId.of(id), body, publicUrl.base(), locale);
    }

    /**
     * Invites a paramedic (фельдшер) of one of the clinic's rural posts by e-mail (issue 23): {@code
     * {email, lastName, firstName, patronymic?}} → 204; 422 {@code invalid-input} naming each wrong
     * field; 404 for anyone but the clinic's administrators.
     */
    @PostMapping("/{id}/paramedics")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void inviteParamedic(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestBody StaffInvitation body,
            Locale locale) {
        staff.inviteParamedic(user, ClinicId.of(id), body, publicUrl.base(), locale);
    }

    /** The logo as a multipart upload (field {@code file}); PNG or JPEG by content, at most 1 MB. */
    @PostMapping(path = "/{id}/logo", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void uploadLogo(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam("file") MultipartFile file)
            throws IOException {
        clinicSetUp.setLogo(user, ClinicId.of(id), file.getBytes());
    }

    /** The logo as the raw request body; PNG or JPEG by content, at most 1 MB. */
    @PutMapping("/{id}/logo")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void putLogo(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, HttpServletRequest request)
            throws IOException {
        clinicSetUp.setLogo(user, ClinicId.of(id), Uploaded.bytes(request));
    }

    @GetMapping("/{id}/doctors")
    List<Json.StaffDoctor> doctors(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return staff.doctorsOf(user, ClinicId.of(id)).stream()
                .map(Json.StaffDoctor::of)
                .toList();
    }

    /** Invites a doctor by e-mail: {@code {email, lastName, firstName, patronymic?, specialties, …}}. */
    @PostMapping("/{id}/doctors")
    @ResponseStatus(HttpStatus.CREATED)
    Json.StaffDoctor inviteDoctor(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestBody DoctorForm body,
            Locale locale) {
        return Json.StaffDoctor.of(staff.inviteDoctor(user, ClinicId.of(id), body, publicUrl.base(), locale));
    }

    @GetMapping("/{id}/doctors/{doctorId}")
    Json.StaffDoctor doctor(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @PathVariable String doctorId) {
        return Json.StaffDoctor.of(staff.doctorOf(user, ClinicId.of(id), DoctorId.of(doctorId)));
    }

    @PutMapping("/{id}/doctors/{doctorId}")
    Json.StaffDoctor updateDoctor(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @PathVariable String doctorId,
            @RequestBody DoctorForm body) {
        return Json.StaffDoctor.of(staff.updateDoctor(user, ClinicId.of(id), DoctorId.of(doctorId), body));
    }

    /** The doctor's photo as the raw request body; PNG or JPEG by content, at most 1 MB. */
    @PutMapping("/{id}/doctors/{doctorId}/photo")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void putPhoto(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @PathVariable String doctorId,
            HttpServletRequest request)
            throws IOException {
        staff.setPhoto(user, ClinicId.of(id), DoctorId.of(doctorId), Uploaded.bytes(request));
    }

    @GetMapping("/{id}/services")
    List<Json.Service> services(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return clinicServices.servicesOf(user, ClinicId.of(id)).stream()
                .map(Json.Service::of)
                .toList();
    }

    /**
     * Adds a service: {@code format} VIDEO|AUDIO|CHAT|IN_PERSON, {@code kind}
     * PRIMARY|REPEAT|MONITORING|DOCTOR_TO_DOCTOR, {@code visibility} REGION|ATTACHED|REFERRAL.
     */
    @PostMapping("/{id}/services")
    @ResponseStatus(HttpStatus.CREATED)
    Json.Service addService(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @RequestBody ServiceForm body) {
        return Json.Service.of(clinicServices.addService(user, ClinicId.of(id), body));
    }

    /** One service of the clinic; 404 for an administrator of another clinic. */
    @GetMapping("/{id}/services/{serviceId}")
    Json.Service service(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @PathVariable String serviceId) {
        return Json.Service.of(clinicServices.serviceOf(user, ClinicId.of(id), ServiceId.of(serviceId)));
    }

    /** The changes of a service's price, newest first, with who made each and when. */
    @GetMapping("/{id}/services/{serviceId}/price-changes")
    List<Json.PriceChange> priceChanges(
            @AuthenticationPrincipal SignedInUser user, @PathVariable String id, @PathVariable String serviceId) {
        return clinicServices.priceChanges(user, ClinicId.of(id), ServiceId.of(serviceId)).stream()
                .map(Json.PriceChange::of)
                .toList();
    }

    /**
     * Changes a service: every field of the form as when adding it (name, price, duration, doctors,
     * visibility, {@code active}). A new price is recorded in the service's price history; an
     * appointment booked before keeps the price it was booked at.
     */
    @PutMapping("/{id}/services/{serviceId}")
    Json.Service updateService(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @PathVariable String serviceId,
            @RequestBody ServiceForm body) {
        return Json.Service.of(clinicServices.updateService(user, ClinicId.of(id), ServiceId.of(serviceId), body));
    }

    /** The clinic's attachment requests and attachments; {@code status} REQUESTED|CONFIRMED|REFUSED|ENDED. */
    @GetMapping("/{id}/attachments")
    List<Json.Attachment> attachments(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String status) {
        AttachmentStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = AttachmentStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("status", "clinic.validation.choice");
            }
        }
        return patientAttachments.attachmentsOf(user, ClinicId.of(id), wanted).stream()
                .map(Json.Attachment::of)
                .toList();
    }

    /** Reads an uploaded picture, stopping one byte past the limit so a huge body is never held. */
    static final class Uploaded {

        private static final int LIMIT = 1024 * 1024;

        private Uploaded() {}

        static byte[] bytes(HttpServletRequest request) throws IOException {
            return request.getInputStream().readNBytes(LIMIT + 1);
        }
    }
}
