package org.medkarta.access;

import java.time.Instant;
import java.util.Set;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;

/**
 * A source of care relationships besides the ones access finds itself (appointments, referrals,
 * attachment): a module that knows of another one, such as an open consultation, contributes a
 * bean. It lets a doctor open a record (SPEC F4) without access depending on that module.
 */
public interface CareRelationship {

    /** Whether any of these doctor profiles (one person's, one per clinic) is caring for the patient now. */
    default boolean cares(Set<DoctorId> doctor, PatientId patient, Instant now) {
        return false;
    }

    /**
     * Whether this paramedic (фельдшер) of a rural post, who has no doctor profile, is caring for the
     * patient now, such as by a question they asked a doctor about them (issue 23, seed 004). Access
     * asks only while the person holds the paramedic role.
     */
    default boolean caresAsParamedic(UserId paramedic, PatientId patient, Instant now) {
        return false;
    }
}
