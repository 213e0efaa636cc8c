package org.medkarta.fhir;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Type;
import org.medkarta.record.EntryType;

/**
 * Which kind of record entry an imported resource becomes, with the entry's form fields (SPEC I3):
 * the other direction of the entry translators. What a kind of entry cannot hold stays in the kept
 * resource, which is what an export gives back; the entry holds what Medkarta's pages, charts and
 * searches need. A resource with no kind of entry maps to nothing and is kept as a source document.
 */
final class ImportMapping {

    /** An entry's kind and its form fields. */
    record Mapped(EntryType type, Map<String, String> fields) {}

    private static final ZoneId ZONE = PatientScope.ZONE;

    /** The ICD-10 systems an imported diagnosis may be coded in: the Ministry's OID and WHO's. */
    private static final java.util.Set<String> ICD10 =
            java.util.Set.of(Systems.ICD10, "http://hl7.org/fhir/sid/icd-10", "urn:oid:2.16.840.1.113883.6.3");

    private ImportMapping() {}

    /** The entry {@code resource} becomes, or null to keep it as a source document. */
    static Mapped map(Resource resource) {
        if (resource instanceof Observation observation) {
            return observation(observation);
        }
        if (resource instanceof Condition condition) {
            return condition(condition);
        }
        if (resource instanceof Procedure procedure) {
            return procedure(procedure);
        }
        if (resource instanceof AllergyIntolerance allergy) {
            return allergy(allergy);
        }
        if (resource instanceof Immunization immunization) {
            return immunization(immunization);
        }
        if (resource instanceof MedicationRequest request) {
            return prescription(request);
        }
        if (resource instanceof Encounter encounter) {
            return encounter(encounter);
        }
        if (resource instanceof DiagnosticReport report) {
            return report(report);
        }
        if (resource instanceof DocumentReference document) {
            return document(document);
        }
        return null;
    }

    private static Mapped observation(Observation observation) {
        var date = date(observation.hasEffective() ? observation.getEffective() : null, observation.getIssued());
        if (date == null || !observation.hasCode()) {
            return null;
        }
        var code = first(observation.getCode());
        var fields = new LinkedHashMap<String, String>();
        fields.put("date", date.toString());
        if (observation.hasValueQuantity()
                && observation.getValueQuantity().hasValue()
                && unit(observation.getValueQuantity()) != null
                && code != null) {
            var quantity = observation.getValueQuantity();
            fields.put("testCode", code.getCode());
            fields.put("testName", text(observation.getCode()));
            fields.put("value", quantity.getValue().toPlainString());
            fields.put("unit", unit(quantity));
            if (observation.hasReferenceRange()) {
                var range = observation.getReferenceRangeFirstRep();
                if (range.hasLow() && range.getLow().hasValue()) {
                    fields.put("referenceLow", range.getLow().getValue().toPlainString());
                }
                if (range.hasHigh() && range.getHigh().hasValue()) {
                    fields.put("referenceHigh", range.getHigh().getValue().toPlainString());
                }
            }
            return new Mapped(EntryType.LAB_RESULT, fields);
        }
        String result = value(observation.hasValue() ? observation.getValue() : null);
        if (result == null && observation.hasComponent()) {
            result = observation.getComponent().stream()
                    .map(component -> text(component.getCode()) + ": "
                            + value(component.hasValue() ? component.getValue() : null))
                    .collect(Collectors.joining("; "));
        }
        if (result == null || result.isBlank()) {
            return null;
        }
        fields.put("kind", text(observation.getCode()));
        fields.put("result", result);
        return new Mapped(EntryType.SCREENING, fields);
    }

    private static Mapped condition(Condition condition) {
        var icd = condition.getCode().getCoding().stream()
                .filter(coding -> ICD10.contains(coding.getSystem()) && coding.hasCode())
                .findFirst()
                .orElse(null);
        var onset = date(condition.hasOnset() ? condition.getOnset() : null, condition.getRecordedDate());
        if (icd == null || onset == null) {
            return null;
        }
        var fields = new LinkedHashMap<String, String>();
        fields.put("icd10", icd.getCode().toUpperCase(Locale.ROOT));
        fields.put("name", icd.hasDisplay() ? icd.getDisplay() : text(condition.getCode()));
        fields.put("onset", onset.toString());
        var abated = date(condition.hasAbatement() ? condition.getAbatement() : null, null);
        if (abated != null) {
            fields.put("abatement", abated.toString());
        }
        boolean active = condition.getClinicalStatus().getCoding().stream()
                .anyMatch(coding -> "active".equals(coding.getCode())
                        || "recurrence".equals(coding.getCode())
                        || "relapse".equals(coding.getCode()));
        fields.put("clinicalStatus", active || !condition.hasClinicalStatus() ? "ACTIVE" : "RESOLVED");
        return new Mapped(EntryType.DIAGNOSIS, fields);
    }

    private static Mapped procedure(Procedure procedure) {
        var date = date(procedure.hasPerformed() ? procedure.getPerformed() : null, null);
        if (date == null || !procedure.hasCode()) {
            return null;
        }
        var fields = new LinkedHashMap<String, String>();
        fields.put("date", date.toString());
        var code = first(procedure.getCode());
        if (code != null) {
            fields.put("code", code.getCode());
        }
        fields.put("name", text(procedure.getCode()));
        if (procedure.hasOutcome()) {
            fields.put("outcome", text(procedure.getOutcome()));
        }
        return entry("PROCEDURE", fields);
    }

    private static Mapped allergy(AllergyIntolerance allergy) {
        var recorded = date(allergy.hasOnset() ? allergy.getOnset() : null, allergy.getRecordedDate());
        if (recorded == null || !allergy.hasCode() || !allergy.hasCategory()) {
            return null;
        }
        var fields = new LinkedHashMap<String, String>();
        fields.put("recorded", recorded.toString());
        fields.put("substance", text(allergy.getCode()));
        var code = first(allergy.getCode());
        if (code != null) {
            fields.put("code", code.getCode());
        }
        fields.put("category", allergy.getCategory().get(0).getValue().name());
        if (allergy.hasCriticality()) {
            fields.put(
                    "criticality",
                    allergy.getCriticality().toCode().replace('-', '_').toUpperCase(Locale.ROOT));
        }
        String status = allergy.getClinicalStatus().getCoding().stream()
                .map(Coding::getCode)
                .filter(c -> c != null)
                .findFirst()
                .orElse("active");
        fields.put("clinicalStatus", status.toUpperCase(Locale.ROOT));
        if (allergy.hasReaction() && allergy.getReactionFirstRep().hasManifestation()) {
            fields.put(
                    "reaction",
                    allergy.getReactionFirstRep().getManifestation().stream()
                            .map(ImportMapping::text)
                            .collect(Collectors.joining(", ")));
        }
        return entry("ALLERGY", fields);
    }

    private static Mapped immunization(Immunization immunization) {
        var date = date(immunization.hasOccurrence() ? immunization.getOccurrence() : null, null);
        if (date == null
                || !immunization.hasVaccineCode()
                || immunization.getStatus() != Immunization.ImmunizationStatus.COMPLETED) {
            return null;
        }
        var fields = new LinkedHashMap<String, String>();
        fields.put("date", date.toString());
        fields.put("vaccine", text(immunization.getVaccineCode()));
        if (immunization.hasProtocolApplied()
                && immunization.getProtocolAppliedFirstRep().hasSeries()) {
            fields.put("series", immunization.getProtocolAppliedFirstRep().getSeries());
        }
        if (immunization.hasReaction() && immunization.getReactionFirstRep().hasDetail()) {
            fields.put(
                    "reaction", immunization.getReactionFirstRep().getDetail().getDisplay());
        }
        return new Mapped(EntryType.VACCINATION, fields);
    }

    private static Mapped prescription(MedicationRequest request) {
        if (!request.hasAuthoredOn() || !request.hasMedicationCodeableConcept()) {
            return null;
        }
        var dosage = request.hasDosageInstruction() ? request.getDosageInstructionFirstRep() : null;
        String dose = dose(dosage);
        String course = course(dosage);
        if (dose == null || course == null) {
            return null;
        }
        var fields = new LinkedHashMap<String, String>();
        fields.put("date", day(request.getAuthoredOn()).toString());
        fields.put("medication", text(request.getMedicationCodeableConcept()));
        fields.put("dose", dose);
        fields.put("course", course);
        return new Mapped(EntryType.PRESCRIPTION, fields);
    }

    private static Mapped encounter(Encounter encounter) {
        if (!encounter.hasPeriod() || !encounter.getPeriod().hasStart()) {
            return null;
        }
        var fields = new LinkedHashMap<String, String>();
        fields.put("date", day(encounter.getPeriod().getStart()).toString());
        if (encounter.getPeriod().hasEnd()) {
            fields.put("end", day(encounter.getPeriod().getEnd()).toString());
        }
        fields.put(
                "kind",
                encounter.hasType()
                        ? text(encounter.getTypeFirstRep())
                        : encounter.getClass_().getCode());
        if (encounter.hasReasonCode()) {
            fields.put("reason", text(encounter.getReasonCodeFirstRep()));
        }
        if (encounter.hasServiceProvider() && encounter.getServiceProvider().hasDisplay()) {
            fields.put("place", encounter.getServiceProvider().getDisplay());
        }
        if (encounter.hasParticipant()
                && encounter.getParticipantFirstRep().getIndividual().hasDisplay()) {
            fields.put(
                    "performer",
                    encounter.getParticipantFirstRep().getIndividual().getDisplay());
        }
        return entry("VISIT", fields);
    }

    private static Mapped report(DiagnosticReport report) {
        var date = date(report.hasEffective() ? report.getEffective() : null, report.getIssued());
        String conclusion = report.hasConclusion() ? report.getConclusion() : plainText(report.getPresentedForm());
        if (date == null || conclusion == null || conclusion.isBlank()) {
            // A laboratory panel: its results are imported one by one as Observations.
            return null;
        }
        var fields = new LinkedHashMap<String, String>();
        fields.put("date", date.toString());
        fields.put("modality", "OTHER");
        fields.put("study", text(report.getCode()));
        fields.put("conclusion", conclusion);
        return new Mapped(EntryType.INSTRUMENTAL, fields);
    }

    private static Mapped document(DocumentReference document) {
        if (!document.hasDate()) {
            return null;
        }
        var fields = new LinkedHashMap<String, String>();
        fields.put("date", day(document.getDate()).toString());
        fields.put(
                "title",
                document.hasDescription()
                        ? document.getDescription()
                        : document.hasType() ? text(document.getType()) : "Document");
        return new Mapped(EntryType.DOCUMENT, fields);
    }

    /** An entry of a kind this build may not have yet: kept when it does not. */
    private static Mapped entry(String type, Map<String, String> fields) {
        try {
            return new Mapped(EntryType.valueOf(type), fields);
        } catch (IllegalArgumentException noSuchKind) {
            return null;
        }
    }

    private static String dose(Dosage dosage) {
        if (dosage == null) {
            return null;
        }
        if (dosage.hasText()) {
            return dosage.getText();
        }
        if (dosage.hasDoseAndRate() && dosage.getDoseAndRateFirstRep().hasDoseQuantity()) {
            var quantity = dosage.getDoseAndRateFirstRep().getDoseQuantity();
            String unit = unit(quantity);
            return quantity.getValue().stripTrailingZeros().toPlainString() + (unit == null ? "" : " " + unit);
        }
        if (dosage.hasAsNeededBooleanType() && dosage.getAsNeededBooleanType().booleanValue()) {
            return "as needed";
        }
        return null;
    }

    private static String course(Dosage dosage) {
        if (dosage == null) {
            return null;
        }
        if (dosage.hasTiming() && dosage.getTiming().hasRepeat()) {
            var repeat = dosage.getTiming().getRepeat();
            if (repeat.hasFrequency() && repeat.hasPeriod() && repeat.hasPeriodUnit()) {
                return repeat.getFrequency() + " × per "
                        + repeat.getPeriod().stripTrailingZeros().toPlainString() + " "
                        + repeat.getPeriodUnit().toCode();
            }
        }
        if (dosage.hasAsNeededBooleanType() && dosage.getAsNeededBooleanType().booleanValue()) {
            return "as needed";
        }
        return dosage.hasText() ? dosage.getText() : null;
    }

    private static String unit(Quantity quantity) {
        if (quantity.hasUnit()) {
            return quantity.getUnit();
        }
        return quantity.hasCode() ? quantity.getCode() : null;
    }

    private static String value(Type value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Quantity quantity && quantity.hasValue()) {
            String unit = unit(quantity);
            return quantity.getValue().toPlainString() + (unit == null ? "" : " " + unit);
        }
        if (value instanceof CodeableConcept concept) {
            return text(concept);
        }
        if (value.isPrimitive()) {
            return value.primitiveValue();
        }
        return null;
    }

    private static Coding first(CodeableConcept concept) {
        return concept.getCoding().stream().filter(Coding::hasCode).findFirst().orElse(null);
    }

    static String text(CodeableConcept concept) {
        if (concept.hasText()) {
            return concept.getText();
        }
        return concept.getCoding().stream()
                .map(coding -> coding.hasDisplay() ? coding.getDisplay() : coding.getCode())
                .filter(t -> t != null)
                .findFirst()
                .orElse("—");
    }

    private static String plainText(java.util.List<Attachment> forms) {
        for (var form : forms) {
            if (form.hasData()
                    && (!form.hasContentType() || form.getContentType().startsWith("text/plain"))) {
                return new String(form.getData(), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    /** The clinical day of a date or period, else of {@code fallback}. */
    private static LocalDate date(Type when, Date fallback) {
        if (when instanceof org.hl7.fhir.r4.model.DateTimeType dateTime && dateTime.getValue() != null) {
            return day(dateTime.getValue());
        }
        if (when instanceof org.hl7.fhir.r4.model.Period period && period.hasStart()) {
            return day(period.getStart());
        }
        if (when instanceof org.hl7.fhir.r4.model.InstantType instant && instant.getValue() != null) {
            return day(instant.getValue());
        }
        return fallback == null ? null : day(fallback);
    }

    private static LocalDate day(Date date) {
        return date.toInstant().atZone(ZONE).toLocalDate();
    }
}
