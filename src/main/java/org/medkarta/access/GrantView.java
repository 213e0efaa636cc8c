package org.medkarta.access;

import java.time.Instant;
import java.util.UUID;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;

/**
 * A grant of access to a patient's record, as the patient's list and the invitee's page show it.
 *
 * @param granteeUserId the grantee's account once they accepted; null before
 */
public record GrantView(
        UUID id,
        PatientId patientId,
        UserId grantedBy,
        String granteeName,
        String granteePhone,
        String granteeEmail,
        UserId granteeUserId,
        AccessLevel level,
        GrantStatus status,
        Instant createdAt,
        Instant acceptedAt,
        Instant revokedAt) {

    /** How the grantee is reached, as the lists show it. */
    public String granteeContact() {
        return granteePhone != null ? granteePhone : granteeEmail;
    }
}
