package org.medkarta.clinic.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.medkarta.clinic.HeadsOfDepartment;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Heads of department over the API (issue 19): the clinic's administrators list, appoint and remove
 * them among the clinic's doctors; anyone else, another clinic's administrator included, gets 404.
 */
@RestController
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'CLINIC_ADMIN')")
@Tag(name = "Clinic set-up")
class HeadsOfDepartmentApi {

    private final HeadsOfDepartment heads;

    HeadsOfDepartmentApi(HeadsOfDepartment heads) {
        this.heads = heads;
    }

    /** The ids of the clinic's doctors who head a department. */
    @GetMapping("/api/v1/clinics/{id}/heads-of-department")
    List<DoctorId> list(@AuthenticationPrincipal SignedInUser user, @PathVariable String id) {
        return heads.of(user, ClinicId.of(id)).stream()
                .sorted(java.util.Comparator.comparing(DoctorId::value))
                .toList();
    }

    /** Appoints the doctor head of department: 204, also when they already were. */
    @PutMapping("/api/v1/clinics/{id}/doctors/{doctorId}/head-of-department")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void appoint(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, @PathVariable String doctorId) {
        heads.appoint(user, ClinicId.of(id), DoctorId.of(doctorId));
    }

    /** Removes the doctor from heads of department: 204, also when they were not one. */
    @DeleteMapping("/api/v1/clinics/{id}/doctors/{doctorId}/head-of-department")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, @PathVariable String doctorId) {
        heads.remove(user, ClinicId.of(id), DoctorId.of(doctorId));
    }
}
