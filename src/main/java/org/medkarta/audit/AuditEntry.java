package org.medkarta.audit;

import java.util.Objects;
import java.util.UUID;

/**
 * What to record: who ({@code actor}, null for an anonymous or system action) in what role, whose
 * record ({@code patient}, null for rights that concern no record), which action on which
 * resource, the outcome, the client address and, for an emergency opening, the stated reason.
 */
public record AuditEntry(
        UUID actor,
        String role,
        UUID patient,
        String action,
        String resource,
        String outcome,
        String address,
        String reason,
        boolean emergency) {

    public AuditEntry {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** An ordinary entry, without an emergency reason. */
    public static AuditEntry of(
            UUID actor, String role, UUID patient, String action, String resource, String outcome, String address) {
        return new AuditEntry(actor, role, patient, action, resource, outcome, address, null, false);
    }
}
