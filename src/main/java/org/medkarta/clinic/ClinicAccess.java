package org.medkarta.clinic;

import org.medkarta.identity.Role;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.NotFound;
import org.springframework.stereotype.Component;

/**
 * Who administers a clinic (SPEC B1, A8): the one check every facade of the module goes through
 * before it shows or changes a clinic's own data. A platform administrator reaches every clinic, a
 * clinic administrator only the clinics they administer, decided by this module's own list at the
 * moment of the request; any other clinic answers {@link NotFound}, never "forbidden".
 */
@Component
class ClinicAccess {

    private final Clinics clinics;
    private final Doctors doctors;

    ClinicAccess(Clinics clinics, Doctors doctors) {
        this.clinics = clinics;
        this.doctors = doctors;
    }

    /** Whether the person may administer the clinic, by this module's list at the moment of asking. */
    boolean administers(SignedInUser actor, ClinicId clinic) {
        if (actor == null || clinic == null) {
            return false;
        }
        return actor.has(Role.PLATFORM_ADMIN) ? clinics.exists(clinic) : clinics.isAdmin(clinic, actor.userId());
    }

    /** The clinic, when the person may administer it; {@link NotFound} otherwise, never "forbidden". */
    ClinicView administer(SignedInUser actor, ClinicId clinic) {
        if (!administers(actor, clinic)) {
            throw new NotFound();
        }
        return clinics.find(clinic).orElseThrow(NotFound::new);
    }

    /** {@link NotFound} unless the clinic exists. */
    void requireClinic(ClinicId clinic) {
        if (clinic == null || !clinics.exists(clinic)) {
            throw new NotFound();
        }
    }

    /** The clinic's own doctor; another clinic's is not found. */
    DoctorView ownDoctor(ClinicId clinic, DoctorId doctor) {
        return doctors.find(doctor).filter(d -> d.clinicId().equals(clinic)).orElseThrow(NotFound::new);
    }
}
