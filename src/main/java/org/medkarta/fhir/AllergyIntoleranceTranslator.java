package org.medkarta.fhir;

import java.util.Date;
import java.util.Locale;
import java.util.Map;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.AllergyIntolerance.AllergyIntoleranceCategory;
import org.hl7.fhir.r4.model.AllergyIntolerance.AllergyIntoleranceCriticality;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier.IdentifierUse;
import org.medkarta.record.EntryDetail;
import org.medkarta.record.EntryStatus;

/**
 * An allergy or intolerance of the record (аллергия, непереносимость) as an AllergyIntolerance: the
 * substance as the code's text (with its code, when the record has one, in Medkarta's own system),
 * category, criticality, clinical status active, inactive or resolved, confirmed (a clinician entered
 * it) or {@code entered-in-error} (then without a clinical status, as R4's ait-2 requires), the date
 * it was recorded, and the reaction as the text of a manifestation.
 */
final class AllergyIntoleranceTranslator {

    static final String CLINICAL = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
    static final String VERIFICATION = "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification";

    private AllergyIntoleranceTranslator() {}

    static AllergyIntolerance toFhir(EntryDetail entry) {
        Map<String, String> fields = entry.fields();
        var allergy = new AllergyIntolerance();
        String id = entry.id().toString();
        allergy.setIdElement(new IdType("AllergyIntolerance", id, String.valueOf(entry.version())));
        allergy.getMeta().setVersionId(String.valueOf(entry.version()));
        if (!entry.history().isEmpty()) {
            allergy.getMeta().setLastUpdated(Date.from(entry.history().get(0).at()));
        }
        allergy.addIdentifier()
                .setUse(IdentifierUse.SECONDARY)
                .setSystem(Systems.RECORD_ENTRY)
                .setValue(id);
        boolean inError = entry.status() == EntryStatus.ENTERED_IN_ERROR;
        String clinical = fields.getOrDefault("clinicalStatus", "ACTIVE").toLowerCase(Locale.ROOT);
        if (!inError) {
            allergy.setClinicalStatus(concept(CLINICAL, clinical, display(clinical)));
        }
        allergy.setVerificationStatus(
                inError
                        ? concept(VERIFICATION, "entered-in-error", "Entered in Error")
                        : concept(VERIFICATION, "confirmed", "Confirmed"));
        String category = fields.get("category");
        if (category != null) {
            allergy.addCategory(AllergyIntoleranceCategory.fromCode(category.toLowerCase(Locale.ROOT)));
        }
        String criticality = fields.get("criticality");
        if (criticality != null) {
            allergy.setCriticality(AllergyIntoleranceCriticality.fromCode(
                    criticality.toLowerCase(Locale.ROOT).replace('_', '-')));
        }
        String substance = fields.getOrDefault("substance", entry.title());
        String code = fields.get("code") != null ? fields.get("code") : entry.code();
        var concept = new CodeableConcept().setText(substance);
        if (code != null && !code.isBlank()) {
            concept.addCoding()
                    .setSystem(Systems.ALLERGY_SUBSTANCE)
                    .setCode(code)
                    .setDisplay(substance);
        }
        allergy.setCode(concept);
        allergy.setPatient(PatientScope.patient(entry.patientId(), null));
        String recorded = fields.get("recorded") != null ? fields.get("recorded") : String.valueOf(entry.date());
        allergy.setRecordedDateElement(new DateTimeType(recorded));
        String reaction = fields.get("reaction");
        if (reaction != null && !reaction.isBlank()) {
            allergy.addReaction().addManifestation(new CodeableConcept().setText(reaction));
        }
        return allergy;
    }

    private static String display(String clinical) {
        return switch (clinical) {
            case "inactive" -> "Inactive";
            case "resolved" -> "Resolved";
            default -> "Active";
        };
    }

    private static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept().addCoding(new Coding(system, code, display));
    }
}
