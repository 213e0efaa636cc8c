package org.medkarta.scheduling;

import java.time.Instant;
import java.util.UUID;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.PatientId;

/**
 * A referral to a specialty, or to one doctor of it when {@code doctorId} is set.
 *
 * @param usedAt when a booking used it up; null while it can still be used
 * @param cancelledAt when its issuing doctor cancelled it (it then unlocks nothing); null otherwise
 */
public record ReferralView(
        UUID id,
        PatientId patientId,
        String specialty,
        DoctorId doctorId,
        Instant issuedAt,
        Instant validUntil,
        Instant usedAt,
        UUID appointmentId,
        Instant cancelledAt) {

    /** Whether a booking may use it at {@code now}: not cancelled, not used, not expired. */
    public boolean usableAt(Instant now) {
        return cancelledAt == null && usedAt == null && validUntil.isAfter(now);
    }
}
