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

    /** The longest resource the trail keeps; a longer one (a long query string) is cut. */
    public static final int MAX_RESOURCE = 200;

    public AuditEntry {
        if (resource != null && resource.length() > MAX_RESOURCE) {
            resource = resource.substring(0, MAX_RESOURCE);
        }
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
