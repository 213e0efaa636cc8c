package org.medkarta.access;

import java.util.List;
import org.medkarta.audit.AuditRecord;
import org.medkarta.audit.AuditTrail;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.PatientId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The patient's access log (SPEC G3): who opened the record, for the patient or their parent. */
@Service
public class AccessAudit {

    private final RecordAccess access;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;

    AccessAudit(RecordAccess access, AuditTrail audit, TransactionTemplate transaction) {
        this.access = access;
        this.audit = audit;
        this.transaction = transaction;
    }

    /** The newest 500 entries about the record, this reading included. */
    public List<AuditRecord> of(SignedInUser actor, PatientId patient) {
        return transaction.execute(status -> {
            access.require(actor, patient, RecordAction.MANAGE_ACCESS);
            return audit.ofPatient(patient.value(), 500);
        });
    }
}
