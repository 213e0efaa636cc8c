package org.medkarta.consultation;

import java.util.List;
import java.util.UUID;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.Representation;
import org.springframework.stereotype.Component;

/**
 * Who sees a request and on which side (SPEC D4, F1, F3): the one check every facade of the module
 * goes through before it reads or changes a request.
 */
@Component
class ConsultationAccess {

    private final Requests requests;
    private final Representation representation;

    ConsultationAccess(Requests requests, Representation representation) {
        this.requests = requests;
        this.representation = representation;
    }

    /**
     * Who may see it at all: its doctors, the patient, and whoever may act for the patient right
     * now (a parent of a child under 15, a grantee with full control; SPEC D4, F1, F3), as the
     * access module decides and audits. Anyone else is told it does not exist.
     */
    Consultation visible(SignedInUser user, UUID id) {
        if (id == null || user == null) {
            throw new NotFound();
        }
        return requests.find(id)
                .filter(c -> c.consultedBy(user) || c.referredBy(user) || patientSide(user, c))
                .orElseThrow(NotFound::new);
    }

    boolean patientSide(SignedInUser user, Consultation c) {
        if (c.ownedBy(user)) {
            return true;
        }
        return user != null
                && !c.consultedBy(user)
                && !c.referredBy(user)
                && representation.mayActFor(user.userId(), c.patientId());
    }

    /**
     * Whether the person talks in the request's chat and calls: the doctors, and on the patient's
     * side whoever may act for the patient now (not the patient of a doctor-to-doctor one).
     */
    boolean talks(SignedInUser user, Consultation c) {
        return c.members().contains(user.userId()) || (c.patientTalks() && patientSide(user, c));
    }

    /** The patients besides their own whose requests the person sees on the patient's side of the desk. */
    List<PatientId> represented(SignedInUser user) {
        return user == null
                ? List.of()
                : representation.representedBy(user.userId()).stream()
                        .map(Representation.Represented::patientId)
                        .toList();
    }
}
