package org.medkarta.fhir;

import java.time.ZoneOffset;
import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Identifier.IdentifierUse;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestIntent;
import org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestStatus;
import org.hl7.fhir.r4.model.Timing;
import org.medkarta.record.EntryDetail;
import org.medkarta.record.EntryStatus;

/**
 * A prescription of the record (назначение) as a MedicationRequest: the medication as text (the
 * record keeps no drug code), the dose and the course as the dosage instruction, the date as {@code
 * authoredOn}, an e-prescription's number as a second identifier. The record says nothing of
 * whether the course is still being taken, so the status is {@code unknown}, or {@code
 * entered-in-error} for an entry marked so.
 */
final class MedicationRequestTranslator {

    /** The code system of the resource's status. */
    static final String STATUS_SYSTEM = "http://hl7.org/fhir/medicationrequest-status";

    private MedicationRequestTranslator() {}

    static String status(EntryStatus status) {
        return status == EntryStatus.ENTERED_IN_ERROR
                ? MedicationRequestStatus.ENTEREDINERROR.toCode()
                : MedicationRequestStatus.UNKNOWN.toCode();
    }

    static MedicationRequest toFhir(EntryDetail entry) {
        var request = new MedicationRequest();
        request.setId(entry.id().toString());
        request.getMeta().setVersionId(Integer.toString(entry.version()));
        request.addIdentifier()
                .setUse(IdentifierUse.SECONDARY)
                .setSystem(Systems.RECORD_ENTRY)
                .setValue(entry.id().toString());
        String number = entry.fields().get("ePrescriptionNumber");
        if (number != null && !number.isBlank()) {
            request.addIdentifier()
                    .setUse(IdentifierUse.OFFICIAL)
                    .setSystem(Systems.E_PRESCRIPTION)
                    .setValue(number);
        }
        request.setStatus(MedicationRequestStatus.fromCode(status(entry.status())));
        request.setIntent(MedicationRequestIntent.ORDER);
        request.setMedication(new CodeableConcept().setText(entry.fields().getOrDefault("medication", entry.title())));
        request.setSubject(PatientScope.patient(entry.patientId(), null));
        if (entry.date() != null) {
            request.setAuthoredOn(
                    Date.from(entry.date().atStartOfDay(ZoneOffset.UTC).toInstant()));
            request.getAuthoredOnElement().setPrecision(ca.uhn.fhir.model.api.TemporalPrecisionEnum.DAY);
        }
        String dose = entry.fields().get("dose");
        String course = entry.fields().get("course");
        if (dose != null || course != null) {
            var dosage = new Dosage().setSequence(1);
            if (dose != null) {
                dosage.setText(dose);
            }
            if (course != null) {
                dosage.setTiming(new Timing().setCode(new CodeableConcept().setText(course)));
            }
            request.addDosageInstruction(dosage);
        }
        return request;
    }
}
