package org.medkarta.audit;

import org.medkarta.identity.RoleGranted;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Records changes of rights published by other modules (SPEC G1). */
@Component
class RightsAudit {

    private final AuditTrail trail;

    RightsAudit(AuditTrail trail) {
        this.trail = trail;
    }

    @ApplicationModuleListener
    void on(RoleGranted granted) {
        trail.record(AuditEntry.of(
                granted.user().value(),
                "SYSTEM",
                null,
                "ROLE_GRANTED",
                granted.clinic() == null
                        ? granted.role().name()
                        : granted.role().name() + "@" + granted.clinic().value(),
                "SUCCESS",
                null));
    }
}
