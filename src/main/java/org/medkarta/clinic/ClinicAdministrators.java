package org.medkarta.clinic;

import java.util.List;
import org.medkarta.identity.Role;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who administers which clinic (SPEC B1, A8): the question other modules ask before they show or
 * change a clinic's schedules, payments, questionnaires or keys. A platform administrator administers
 * every clinic, a clinic administrator the clinics this module lists for them at the moment of the
 * request, not the roles read at sign-in.
 */
@Service
public class ClinicAdministrators {

    private final Clinics clinics;
    private final ClinicAccess access;

    ClinicAdministrators(Clinics clinics, ClinicAccess access) {
        this.clinics = clinics;
        this.access = access;
    }

    /** The clinics a person administers: every clinic for a platform administrator. */
    @Transactional(readOnly = true)
    public List<ClinicView> administered(SignedInUser actor) {
        if (actor == null) {
            return List.of();
        }
        return actor.has(Role.PLATFORM_ADMIN) ? clinics.all(null) : clinics.administeredBy(actor.userId());
    }

    /** Whether the person may administer the clinic: scheduling asks this before schedule changes. */
    @Transactional(readOnly = true)
    public boolean administers(SignedInUser actor, ClinicId clinic) {
        return access.administers(actor, clinic);
    }
}
