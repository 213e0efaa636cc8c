package org.medkarta.fhir;

import java.util.Date;
import java.util.Map;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Encounter.EncounterStatus;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier.IdentifierUse;
import org.hl7.fhir.r4.model.Period;
import org.medkarta.record.EntryDetail;
import org.medkarta.record.EntryStatus;
import org.medkarta.record.EntryType;

/**
 * A visit that took place as an Encounter: an exam protocol (протокол осмотра, a consultation's
 * protocol among them) is an ambulatory or, from a consultation, a virtual encounter on its date; a
 * hospitalisation (госпитализация) an inpatient one from admission to discharge. Always {@code
 * finished} (the record holds visits once they happened), or {@code entered-in-error}.
 */
final class EncounterTranslator {

    static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

    private EncounterTranslator() {}

    static Encounter toFhir(EntryDetail entry) {
        Map<String, String> fields = entry.fields();
        var encounter = new Encounter();
        String id = entry.id().toString();
        encounter.setIdElement(new IdType("Encounter", id, String.valueOf(entry.version())));
        encounter.getMeta().setVersionId(String.valueOf(entry.version()));
        if (!entry.history().isEmpty()) {
            encounter.getMeta().setLastUpdated(Date.from(entry.history().get(0).at()));
        }
        encounter
                .addIdentifier()
                .setUse(IdentifierUse.SECONDARY)
                .setSystem(Systems.RECORD_ENTRY)
                .setValue(id);
        encounter.setStatus(
                entry.status() == EntryStatus.ENTERED_IN_ERROR
                        ? EncounterStatus.ENTEREDINERROR
                        : EncounterStatus.FINISHED);
        encounter.setSubject(PatientScope.patient(entry.patientId(), null));
        var period = new Period();
        if (entry.type() == EntryType.HOSPITALISATION) {
            encounter.setClass_(new Coding(ACT_CODE, "IMP", "inpatient encounter"));
            period.setStartElement(day(fields.get("admitted")));
            period.setEndElement(day(fields.get("discharged")));
            encounter.addType().setText(fields.get("department"));
            if (fields.get("reason") != null) {
                encounter.addReasonCode().setText(fields.get("reason"));
            }
            if (fields.get("outcome") != null) {
                encounter.getHospitalization().getDischargeDisposition().setText(fields.get("outcome"));
            }
        } else if (entry.type() == EntryType.VISIT) {
            // A visit another system recorded (imported; served as it came while unchanged).
            encounter.setClass_(new Coding(ACT_CODE, "AMB", "ambulatory"));
            period.setStartElement(day(fields.get("date")));
            period.setEndElement(day(fields.get("end") != null ? fields.get("end") : fields.get("date")));
            encounter.addType().setText(fields.get("kind"));
            if (fields.get("reason") != null) {
                encounter.addReasonCode().setText(fields.get("reason"));
            }
        } else {
            encounter.setClass_(
                    "CONSULTATION".equals(entry.source())
                            ? new Coding(ACT_CODE, "VR", "virtual")
                            : new Coding(ACT_CODE, "AMB", "ambulatory"));
            var date = fields.get("date") != null ? fields.get("date") : String.valueOf(entry.date());
            period.setStartElement(day(date));
            period.setEndElement(day(date));
            if (fields.get("specialty") != null) {
                encounter.addType().setText(fields.get("specialty"));
            }
        }
        encounter.setPeriod(period);
        return encounter;
    }

    private static DateTimeType day(String date) {
        return date == null ? null : new DateTimeType(date);
    }
}
