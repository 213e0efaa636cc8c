package org.medkarta.fhir;

import java.util.Date;
import java.util.Set;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.medkarta.audit.AuditRecord;
import org.medkarta.shared.UserId;

/**
 * One line of the patient's access log (SPEC G3) as an AuditEvent: who (their account and the
 * grounds they had: the patient, a parent, a grantee, a clinician, an emergency), what
 * (the audit trail's action), when, whether it was allowed, and the record as the entity. It shows
 * what the access log shows the patient, no more: not the request's address or path.
 */
final class AuditEventTranslator {

    private static final String AUDIT_TYPE = "http://terminology.hl7.org/CodeSystem/audit-event-type";
    private static final String OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";

    /** The grounds on which only a doctor opens a record: they are a Practitioner, by their account. */
    private static final Set<String> DOCTORS = Set.of("CLINICIAN", "EMERGENCY");

    /** The code system of the resource's outcome. */
    static final String OUTCOME_SYSTEM = "http://hl7.org/fhir/audit-event-outcome";

    private AuditEventTranslator() {}

    /** The resource id: the record and the entry's place in the trail, which numbers entries of all records. */
    static String id(AuditRecord entry) {
        return entry.patient() + "-" + entry.seq();
    }

    static String outcome(AuditRecord entry) {
        return "SUCCESS".equals(entry.outcome()) ? AuditEventOutcome._0.toCode() : AuditEventOutcome._4.toCode();
    }

    static AuditEvent toFhir(AuditRecord entry) {
        var event = new AuditEvent();
        event.setId(id(entry));
        event.setType(new Coding(AUDIT_TYPE, "rest", "RESTful Operation"));
        event.addSubtype(new Coding(Systems.AUDIT_ACTION, entry.action(), null));
        event.setAction(action(entry.action()));
        event.setRecorded(Date.from(entry.at()));
        event.setOutcome(AuditEventOutcome.fromCode(outcome(entry)));
        var agent = event.addAgent().setRequestor(true);
        if (entry.role() != null) {
            agent.setType(new CodeableConcept().addCoding(new Coding(Systems.AUDIT_ROLE, entry.role(), null)));
        }
        var who = entry.actor() != null && DOCTORS.contains(entry.role())
                ? PatientScope.practitioner(new UserId(entry.actor()), null)
                : new Reference();
        if (entry.actor() != null) {
            who.setIdentifier(new Identifier()
                    .setSystem(Systems.ACCOUNT)
                    .setValue(entry.actor().toString()));
        } else {
            who.setDisplay("Anonymous");
        }
        agent.setWho(who);
        if (entry.emergency()) {
            agent.addPurposeOfUse(new CodeableConcept()
                    .addCoding(new Coding(
                            "http://terminology.hl7.org/CodeSystem/v3-ActReason", "ETREAT", "Emergency Treatment")));
        }
        event.getSource().setSite("Medkarta").setObserver(new Reference().setDisplay("Medkarta"));
        if (entry.patient() != null) {
            event.addEntity()
                    .setWhat(new Reference("Patient/" + entry.patient()))
                    .setRole(new Coding(OBJECT_ROLE, "1", "Patient"));
        }
        return event;
    }

    /** Reading is {@code R}; granting, writing and the rest are {@code E} (execute), as FHIR lets one say. */
    private static AuditEventAction action(String action) {
        if (action == null) {
            return AuditEventAction.E;
        }
        if (action.endsWith("_VIEW")
                || action.endsWith("_READ")
                || action.endsWith("_DOWNLOAD")
                || action.startsWith("PATIENT_FOUND")) {
            return AuditEventAction.R;
        }
        if (action.endsWith("_WRITE") || action.endsWith("_CONTRIBUTE")) {
            return AuditEventAction.U;
        }
        return AuditEventAction.E;
    }
}
