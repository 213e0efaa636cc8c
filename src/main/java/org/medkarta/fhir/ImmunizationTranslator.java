package org.medkarta.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.ZoneOffset;
import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier.IdentifierUse;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Immunization.ImmunizationStatus;
import org.hl7.fhir.r4.model.Reference;
import org.medkarta.record.EntryDetail;
import org.medkarta.record.EntryStatus;

/**
 * A vaccination of the record (прививка) as an Immunization. The record holds only verified
 * vaccinations: a clinician's entry, or a patient's upload once a doctor verified it (an upload
 * awaiting verification is not in the record, so it is no Immunization). The vaccine is text (not
 * coded), the series its lot number, the reaction the text of a reaction.
 */
final class ImmunizationTranslator {

    /** The code system of the resource's status. */
    static final String STATUS_SYSTEM = "http://hl7.org/fhir/immunization-status";

    private ImmunizationTranslator() {}

    static String status(EntryStatus status) {
        return status == EntryStatus.ENTERED_IN_ERROR
                ? ImmunizationStatus.ENTEREDINERROR.toCode()
                : ImmunizationStatus.COMPLETED.toCode();
    }

    static Immunization toFhir(EntryDetail entry) {
        var immunization = new Immunization();
        immunization.setId(entry.id().toString());
        immunization.getMeta().setVersionId(Integer.toString(entry.version()));
        immunization
                .addIdentifier()
                .setUse(IdentifierUse.SECONDARY)
                .setSystem(Systems.RECORD_ENTRY)
                .setValue(entry.id().toString());
        immunization.setStatus(ImmunizationStatus.fromCode(status(entry.status())));
        immunization.setVaccineCode(
                new CodeableConcept().setText(entry.fields().getOrDefault("vaccine", entry.title())));
        immunization.setPatient(PatientScope.patient(entry.patientId(), null));
        immunization.setOccurrence(new DateTimeType(
                Date.from(entry.date().atStartOfDay(ZoneOffset.UTC).toInstant()),
                TemporalPrecisionEnum.DAY,
                java.util.TimeZone.getTimeZone(ZoneOffset.UTC)));
        String series = entry.fields().get("series");
        if (series != null && !series.isBlank()) {
            immunization.setLotNumber(series);
        }
        String reaction = entry.fields().get("reaction");
        if (reaction != null && !reaction.isBlank()) {
            immunization.addReaction().setDetail(new Reference().setDisplay(reaction));
        }
        return immunization;
    }
}
