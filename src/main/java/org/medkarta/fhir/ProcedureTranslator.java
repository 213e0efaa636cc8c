package org.medkarta.fhir;

import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier.IdentifierUse;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Procedure.ProcedureStatus;
import org.medkarta.record.EntryDetail;
import org.medkarta.record.EntryStatus;

/**
 * A procedure of the record (процедура, манипуляция, операция) as a Procedure: done ({@code
 * completed}) on its date, or {@code entered-in-error}; its code in the Ministry's nomenclature of
 * medical services (НМУ, OID 1.2.643.5.1.13.13.11.1070) when it is written as one, else in Medkarta's
 * own system, with the name as the code's text; the outcome as text.
 */
final class ProcedureTranslator {

    /** The code system of the resource's status (FHIR R4 EventStatus). */
    static final String STATUS_SYSTEM = "http://hl7.org/fhir/event-status";

    /** An НМУ code: section letter, class, subclass, service and an optional refinement. */
    private static final Pattern NMU = Pattern.compile("[A-Z][0-9]{2}\\.[0-9]{2}\\.[0-9]{3}(\\.[0-9]{3})?");

    private ProcedureTranslator() {}

    static String status(EntryStatus status) {
        return status == EntryStatus.ENTERED_IN_ERROR
                ? ProcedureStatus.ENTEREDINERROR.toCode()
                : ProcedureStatus.COMPLETED.toCode();
    }

    /** The system a procedure code belongs to: НМУ when it is written as one, else Medkarta's own. */
    static String system(String code) {
        return NMU.matcher(code.toUpperCase(Locale.ROOT)).matches() ? Systems.NMU : Systems.PROCEDURE_CODE;
    }

    static Procedure toFhir(EntryDetail entry) {
        Map<String, String> fields = entry.fields();
        var procedure = new Procedure();
        String id = entry.id().toString();
        procedure.setIdElement(new IdType("Procedure", id, String.valueOf(entry.version())));
        procedure.getMeta().setVersionId(String.valueOf(entry.version()));
        if (!entry.history().isEmpty()) {
            procedure.getMeta().setLastUpdated(Date.from(entry.history().get(0).at()));
        }
        procedure
                .addIdentifier()
                .setUse(IdentifierUse.SECONDARY)
                .setSystem(Systems.RECORD_ENTRY)
                .setValue(id);
        procedure.setStatus(ProcedureStatus.fromCode(status(entry.status())));
        String name = fields.getOrDefault("name", entry.title());
        String code = fields.get("code") != null ? fields.get("code") : entry.code();
        var concept = new CodeableConcept().setText(name);
        if (code != null && !code.isBlank()) {
            concept.addCoding().setSystem(system(code)).setCode(code).setDisplay(name);
        }
        procedure.setCode(concept);
        procedure.setSubject(PatientScope.patient(entry.patientId(), null));
        String date = fields.get("date") != null ? fields.get("date") : String.valueOf(entry.date());
        procedure.setPerformed(new DateTimeType(date));
        String outcome = fields.get("outcome");
        if (outcome != null && !outcome.isBlank()) {
            procedure.setOutcome(new CodeableConcept().setText(outcome));
        }
        return procedure;
    }
}
