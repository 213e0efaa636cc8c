package org.medkarta.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.util.Date;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier.IdentifierUse;
import org.medkarta.record.EntryDetail;
import org.medkarta.record.EntryStatus;

/**
 * A diagnosis (диагноз) of the record as a Condition: its ICD-10 code in the Ministry's NSI register
 * (OID 1.2.643.5.1.13.13.11.1005), clinical status active or resolved, confirmed (a clinician entered
 * it) or {@code entered-in-error}, onset and, once resolved, abatement; recorded when its first
 * version was filed, when the reader sees the entry's history.
 */
final class ConditionTranslator {

    static final String CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    static final String VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";

    private ConditionTranslator() {}

    static Condition toFhir(EntryDetail entry) {
        Map<String, String> fields = entry.fields();
        var condition = new Condition();
        String id = entry.id().toString();
        condition.setIdElement(new IdType("Condition", id, String.valueOf(entry.version())));
        condition.getMeta().setVersionId(String.valueOf(entry.version()));
        if (!entry.history().isEmpty()) {
            condition.getMeta().setLastUpdated(Date.from(entry.history().get(0).at()));
            var first = entry.history().get(entry.history().size() - 1).at();
            condition.setRecordedDateElement(new DateTimeType(Date.from(first), TemporalPrecisionEnum.SECOND));
        }
        condition
                .addIdentifier()
                .setUse(IdentifierUse.SECONDARY)
                .setSystem(Systems.RECORD_ENTRY)
                .setValue(id);
        boolean inError = entry.status() == EntryStatus.ENTERED_IN_ERROR;
        boolean resolved = "RESOLVED".equals(fields.get("clinicalStatus"));
        if (!inError) {
            condition.setClinicalStatus(
                    concept(CLINICAL, resolved ? "resolved" : "active", resolved ? "Resolved" : "Active"));
        }
        condition.setVerificationStatus(
                inError
                        ? concept(VERIFICATION, "entered-in-error", "Entered in Error")
                        : concept(VERIFICATION, "confirmed", "Confirmed"));
        condition.addCategory(concept(CATEGORY, "encounter-diagnosis", "Encounter Diagnosis"));
        String code = fields.get("icd10") != null ? fields.get("icd10") : entry.code();
        String name = fields.get("name") != null ? fields.get("name") : entry.title();
        var concept = new CodeableConcept().setText(name);
        if (code != null) {
            concept.addCoding().setSystem(Systems.ICD10).setCode(code).setDisplay(name);
        }
        condition.setCode(concept);
        condition.setSubject(PatientScope.patient(entry.patientId(), null));
        String onset = fields.get("onset") != null ? fields.get("onset") : String.valueOf(entry.date());
        condition.setOnset(new DateTimeType(onset));
        if (resolved && !inError && fields.get("abatement") != null) {
            condition.setAbatement(new DateTimeType(fields.get("abatement")));
        }
        return condition;
    }

    private static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept().addCoding(new Coding(system, code, display));
    }
}
