package org.medkarta.audit;

import org.medkarta.identity.AccountClosed;
import org.medkarta.identity.PatientIdentifiersUsed;
import org.medkarta.identity.RoleGranted;
import org.medkarta.identity.RoleWithdrawn;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records changes of rights, and uses of patients' identifiers outside the access module's policy
 * point, published by other modules (SPEC G1).
 */
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

    @ApplicationModuleListener
    void on(RoleWithdrawn withdrawn) {
        trail.record(AuditEntry.of(
                withdrawn.user().value(),
                "SYSTEM",
                null,
                "ROLE_WITHDRAWN",
                withdrawn.role().name() + "@" + withdrawn.clinic().value(),
                "SUCCESS",
                null));
    }

    /**
     * A patient closed their account (SPEC A9): recorded in the closing transaction, with the record
     * kept and until when.
     */
    @EventListener
    void on(AccountClosed closed) {
        var request = currentRequest();
        trail.record(AuditEntry.of(
                closed.user().value(),
                "PATIENT",
                closed.patient().value(),
                "ACCOUNT_CLOSED",
                "retained until " + closed.retainUntil(),
                "SUCCESS",
                request == null ? null : request.getRemoteAddr()));
    }

    /**
     * In the publisher's thread and transaction: a change is recorded with it, a read or a refusal
     * apart and durably (AuditTrail), before the answer leaves.
     */
    @EventListener
    void on(PatientIdentifiersUsed used) {
        var request = currentRequest();
        trail.record(AuditEntry.of(
                used.actor() == null ? null : used.actor().value(),
                used.role(),
                used.patient() == null ? null : used.patient().value(),
                used.action(),
                request == null ? null : request.getMethod() + " " + request.getRequestURI(),
                used.allowed() ? "SUCCESS" : "NOT_FOUND",
                request == null ? null : request.getRemoteAddr()));
    }

    /** The web request the event was published in, if any. */
    private static jakarta.servlet.http.HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
                ? servlet.getRequest()
                : null;
    }
}
