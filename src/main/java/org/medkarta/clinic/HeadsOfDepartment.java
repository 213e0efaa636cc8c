package org.medkarta.clinic;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.medkarta.identity.ClinicRoles;
import org.medkarta.identity.Role;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.UserId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Heads of department (заведующие отделениями, issue 19): a clinic's administrator appoints doctors
 * of the clinic to see its dashboards (SPEC J3), and removes them, as registrars get their role
 * (issue 12). The role is the identity module's {@link Role#HEAD_OF_DEPARTMENT} in this clinic; a
 * doctor of another clinic, or an administrator of another clinic asking, is {@link NotFound}.
 */
@Service
public class HeadsOfDepartment {

    private final ClinicAdministrators directory;
    private final Doctors doctors;
    private final ClinicRoles roles;

    HeadsOfDepartment(ClinicAdministrators directory, Doctors doctors, ClinicRoles roles) {
        this.directory = directory;
        this.doctors = doctors;
        this.roles = roles;
    }

    /** Appoints a doctor of the clinic head of department; appointing twice changes nothing. */
    @Transactional
    public void appoint(SignedInUser actor, ClinicId clinic, DoctorId doctor) {
        roles.give(doctorOf(actor, clinic, doctor).userId(), Role.HEAD_OF_DEPARTMENT, clinic);
    }

    /** Removes a doctor of the clinic from heads of department; removing one who is not changes nothing. */
    @Transactional
    public void remove(SignedInUser actor, ClinicId clinic, DoctorId doctor) {
        roles.withdraw(doctorOf(actor, clinic, doctor).userId(), Role.HEAD_OF_DEPARTMENT, clinic);
    }

    /** The clinic's doctors who head a department now, for its administrators. */
    @Transactional(readOnly = true)
    public Set<DoctorId> of(SignedInUser actor, ClinicId clinic) {
        if (!directory.administers(actor, clinic)) {
            throw new NotFound();
        }
        Set<UserId> heads = Set.copyOf(roles.holders(Role.HEAD_OF_DEPARTMENT, clinic));
        List<DoctorView> all = doctors.ofClinic(clinic);
        return all.stream()
                .filter(d -> heads.contains(d.userId()))
                .map(DoctorView::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether the person heads a department of the clinic now (a withdrawn role counts at once). */
    @Transactional(readOnly = true)
    public boolean heads(SignedInUser actor, ClinicId clinic) {
        return actor != null && clinic != null && roles.holds(actor.userId(), Role.HEAD_OF_DEPARTMENT, clinic);
    }

    private DoctorView doctorOf(SignedInUser actor, ClinicId clinic, DoctorId doctor) {
        if (!directory.administers(actor, clinic) || doctor == null) {
            throw new NotFound();
        }
        return doctors.find(doctor).filter(d -> d.clinicId().equals(clinic)).orElseThrow(NotFound::new);
    }
}
