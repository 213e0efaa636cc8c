package org.medkarta.access;

import java.util.List;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.springframework.stereotype.Service;

/**
 * The one policy point for medical record data: every page, API endpoint and FHIR read of a
 * record asks here first.
 *
 * <p>So far only the patient's own record is open to them; parents, grantees, clinicians and
 * emergency openings come with the access issue.
 */
@Service
public class RecordAccess {

    /**
     * Decides whether {@code actor} may do {@code action} with the record of {@code patient}.
     *
     * @throws NotFound when they may not: another person's record never reveals that it exists
     */
    public AccessDecision require(SignedInUser actor, PatientId patient, RecordAction action) {
        if (actor != null && patient != null && patient.equals(actor.patientId())) {
            return new AccessDecision(patient, Relation.SELF, AccessLevel.FULL, action);
        }
        throw new NotFound();
    }

    /** The records {@code actor} may switch between, their own first. */
    public List<RecordRef> records(SignedInUser actor) {
        return actor.patientId() == null
                ? List.of()
                : List.of(new RecordRef(actor.patientId(), Relation.SELF, AccessLevel.FULL));
    }
}
