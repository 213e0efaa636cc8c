package org.medkarta.signature;

import java.util.UUID;
import org.medkarta.audit.AuditEntry;
import org.medkarta.audit.AuditTrail;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Writes the signature module's entries to the audit trail, with the client's address when known. */
@Component
class Audits {

    private final AuditTrail trail;

    Audits(AuditTrail trail) {
        this.trail = trail;
    }

    void record(UUID actor, String role, String action, String resource, String outcome) {
        String address = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr()
                : null;
        trail.record(AuditEntry.of(actor, role, null, action, resource, outcome, address));
    }
}
