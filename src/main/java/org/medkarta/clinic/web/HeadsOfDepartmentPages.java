package org.medkarta.clinic.web;

import org.medkarta.clinic.HeadsOfDepartment;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The clinic administrator's action on the doctors page (issue 19): appoint a doctor head of
 * department, or remove them, then back to the list. Anyone but the clinic's administrators gets 404.
 */
@Controller
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'CLINIC_ADMIN')")
class HeadsOfDepartmentPages {

    private final HeadsOfDepartment heads;

    HeadsOfDepartmentPages(HeadsOfDepartment heads) {
        this.heads = heads;
    }

    @PostMapping("/admin/clinics/{id}/doctors/{doctorId}/head-of-department")
    String change(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @PathVariable String doctorId,
            @RequestParam(defaultValue = "true") boolean head) {
        var clinic = ClinicId.of(id);
        var doctor = DoctorId.of(doctorId);
        if (head) {
            heads.appoint(user, clinic, doctor);
        } else {
            heads.remove(user, clinic, doctor);
        }
        return "redirect:/admin/clinics/" + id + "/doctors#doctor-" + doctorId;
    }
}
