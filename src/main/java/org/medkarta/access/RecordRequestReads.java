package org.medkarta.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.medkarta.audit.AuditEntry;
import org.medkarta.audit.AuditTrail;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.AccountView;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.PatientId;
import org.springframework.stereotype.Component;

/**
 * Every read of a record-access request's papers (identity document, OMS policy, SNILS) or of its
 * scans is one entry in the audit trail (SPEC G1, issue 17), as reads of a record and of a patient's
 * identifiers are: by the registry staff of its clinic as {@code STAFF}, by its author as {@code
 * SELF} (or {@code PARENT} for a child's request), and a refused one as {@code NONE}. The entry is
 * about the record the approval bound or, before that, the requester's own record, so it shows in
 * that record's access log.
 */
@Component
class RecordRequestReads {

    static final String REQUEST_READ = "ACCESS_REQUEST_READ";
    static final String SCAN_READ = "ACCESS_REQUEST_SCAN_READ";

    private final AuditTrail audit;
    private final AccountDirectory identity;

    RecordRequestReads(AuditTrail audit, AccountDirectory identity) {
        this.audit = audit;
        this.identity = identity;
    }

    /** Who reads the request, and how the trail names them. */
    enum Reader {
        AUTHOR,
        REGISTRY,
        NOBODY
    }

    /**
     * Records one read of {@code request}, allowed unless {@code reader} is {@link Reader#NOBODY}.
     *
     * @param action {@link #REQUEST_READ} or {@link #SCAN_READ}
     * @param what the request, or the scan, as the trail's resource
     */
    void record(SignedInUser actor, RecordRequestStore.Row request, Reader reader, String action, String what) {
        String role = switch (reader) {
            case AUTHOR -> request.forChild() ? Relation.PARENT.name() : Relation.SELF.name();
            case REGISTRY -> "STAFF";
            case NOBODY -> "NONE";
        };
        var served = RecordAccess.currentRequest();
        audit.record(new AuditEntry(
                actor == null ? null : actor.userId().value(),
                role,
                subject(request),
                action,
                what,
                reader == Reader.NOBODY ? "DENIED" : "SUCCESS",
                served.map(HttpServletRequest::getRemoteAddr).orElse(null),
                null,
                false));
    }

    /** Records a read of each request a list shows, since each shows its papers. */
    void listed(SignedInUser actor, List<RecordRequestStore.Row> requests, Reader reader) {
        requests.forEach(
                request -> record(actor, request, reader, REQUEST_READ, "record-access-request " + request.id()));
    }

    private java.util.UUID subject(RecordRequestStore.Row request) {
        PatientId patient = request.boundPatient() != null
                ? request.boundPatient()
                : identity.account(request.account())
                        .map(AccountView::patientId)
                        .orElse(null);
        return patient == null ? null : patient.value();
    }
}
