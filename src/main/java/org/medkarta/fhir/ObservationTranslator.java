package org.medkarta.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.medkarta.record.EntryDetail;
import org.medkarta.record.EntryStatus;
import org.medkarta.record.Measure;
import org.medkarta.record.Reading;
import org.medkarta.shared.PatientId;

/**
 * Laboratory results and diary readings as Observations. A laboratory test carries its LOINC code
 * where Medkarta's test code maps to one, and always Medkarta's own code; a reading of a vital sign
 * follows the FHIR vital signs profile (LOINC code, UCUM unit, blood pressure as a panel of
 * systolic and diastolic components).
 */
final class ObservationTranslator {

    /** A LOINC code with its display. */
    record Loinc(String code, String display) {}

    /**
     * Medkarta's laboratory test codes that name one LOINC test, in the unit Medkarta keeps them in
     * (a test in moles maps to the LOINC code in moles, never to the one in mass).
     */
    static final Map<String, Loinc> LAB_LOINC = Map.ofEntries(
            Map.entry("HGB", new Loinc("718-7", "Hemoglobin [Mass/volume] in Blood")),
            Map.entry("GLU", new Loinc("14749-6", "Glucose [Moles/volume] in Serum or Plasma")),
            Map.entry("CHOL", new Loinc("14647-2", "Cholesterol [Moles/volume] in Serum or Plasma")),
            Map.entry("WBC", new Loinc("6690-2", "Leukocytes [#/volume] in Blood by Automated count")),
            Map.entry("RBC", new Loinc("789-8", "Erythrocytes [#/volume] in Blood by Automated count")),
            Map.entry("PLT", new Loinc("777-3", "Platelets [#/volume] in Blood by Automated count")),
            Map.entry("CREA", new Loinc("14682-9", "Creatinine [Moles/volume] in Serum or Plasma")),
            Map.entry(
                    "ALT",
                    new Loinc("1742-6", "Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma")),
            Map.entry(
                    "AST",
                    new Loinc("1920-8", "Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma")),
            Map.entry("TSH", new Loinc("3016-3", "Thyrotropin [Units/volume] in Serum or Plasma")),
            Map.entry("HBA1C", new Loinc("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood")));

    /** The diary's measures with a LOINC code; a custom measure has none. */
    static final Map<Measure, Loinc> MEASURE_LOINC = new EnumMap<>(Map.of(
            Measure.BLOOD_PRESSURE, new Loinc("85354-9", "Blood pressure panel with all children optional"),
            Measure.PULSE, new Loinc("8867-4", "Heart rate"),
            Measure.WEIGHT, new Loinc("29463-7", "Body weight"),
            Measure.TEMPERATURE, new Loinc("8310-5", "Body temperature"),
            Measure.SPO2, new Loinc("2708-6", "Oxygen saturation in Arterial blood"),
            Measure.GLUCOSE, new Loinc("14743-9", "Glucose [Moles/volume] in Capillary blood by Glucometer")));

    /** The measures that are vital signs; capillary glucose is a (point-of-care) laboratory result. */
    static final Set<Measure> VITAL_SIGNS =
            EnumSet.of(Measure.BLOOD_PRESSURE, Measure.PULSE, Measure.WEIGHT, Measure.TEMPERATURE, Measure.SPO2);

    static final Loinc SYSTOLIC = new Loinc("8480-6", "Systolic blood pressure");
    static final Loinc DIASTOLIC = new Loinc("8462-4", "Diastolic blood pressure");
    static final Loinc PULSE_OXIMETRY = new Loinc("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry");

    /** Units as Medkarta writes them, lower case, to UCUM. */
    private static final Map<String, String> UCUM = Map.ofEntries(
            Map.entry("g/l", "g/L"),
            Map.entry("г/л", "g/L"),
            Map.entry("mmol/l", "mmol/L"),
            Map.entry("ммоль/л", "mmol/L"),
            Map.entry("µmol/l", "umol/L"),
            Map.entry("umol/l", "umol/L"),
            Map.entry("мкмоль/л", "umol/L"),
            Map.entry("10^9/l", "10*9/L"),
            Map.entry("10*9/l", "10*9/L"),
            Map.entry("10^12/l", "10*12/L"),
            Map.entry("10*12/l", "10*12/L"),
            Map.entry("u/l", "U/L"),
            Map.entry("ед/л", "U/L"),
            Map.entry("miu/l", "m[IU]/L"),
            Map.entry("мме/л", "m[IU]/L"),
            Map.entry("mg/l", "mg/L"),
            Map.entry("мг/л", "mg/L"),
            Map.entry("mm/h", "mm/h"),
            Map.entry("мм/ч", "mm/h"),
            Map.entry("%", "%"),
            Map.entry("mmhg", "mm[Hg]"),
            Map.entry("/min", "/min"),
            Map.entry("kg", "kg"),
            Map.entry("°c", "Cel"));

    private ObservationTranslator() {}

    /** Medkarta test codes whose LOINC code is {@code loinc}. */
    static Set<String> labCodesOf(String loinc) {
        var codes = new HashSet<String>();
        LAB_LOINC.forEach((code, mapped) -> {
            if (mapped.code().equals(loinc)) {
                codes.add(code);
            }
        });
        return codes;
    }

    /** Measures whose LOINC code is {@code loinc} (oxygen saturation answers to both of its codes). */
    static Set<Measure> measuresOf(String loinc) {
        var measures = EnumSet.noneOf(Measure.class);
        MEASURE_LOINC.forEach((measure, mapped) -> {
            if (mapped.code().equals(loinc)) {
                measures.add(measure);
            }
        });
        if (PULSE_OXIMETRY.code().equals(loinc)) {
            measures.add(Measure.SPO2);
        }
        return measures;
    }

    /** A laboratory result: value, unit, reference range and interpretation (H, L, N). */
    static Observation lab(EntryDetail entry, Instant updatedAt) {
        var observation = new Observation();
        observation.setId(entry.id().toString());
        observation.setMeta(meta(updatedAt));
        observation.setStatus(status(entry.status()));
        observation.addCategory(category("laboratory", "Laboratory"));
        observation.setCode(labCode(entry.code(), entry.title()));
        observation.setSubject(patient(entry.patientId()));
        observation.setEffective(day(entry.date()));
        if (entry.value() != null) {
            observation.setValue(quantity(entry.value(), entry.unit()));
        }
        if (entry.flag() != null) {
            observation.addInterpretation(interpretation(entry.flag()));
        }
        if (entry.referenceLow() != null || entry.referenceHigh() != null) {
            var range = observation.addReferenceRange();
            if (entry.referenceLow() != null) {
                range.setLow(quantity(entry.referenceLow(), entry.unit()));
            }
            if (entry.referenceHigh() != null) {
                range.setHigh(quantity(entry.referenceHigh(), entry.unit()));
            }
        }
        String comment = entry.fields().get("comment");
        if (comment != null && !comment.isBlank()) {
            observation.addNote().setText(comment);
        }
        return observation;
    }

    /** The code of a laboratory test: LOINC where it maps, and Medkarta's own code always. */
    static CodeableConcept labCode(String code, String title) {
        var concept = new CodeableConcept().setText(title);
        var loinc = code == null ? null : LAB_LOINC.get(code);
        if (loinc != null) {
            concept.addCoding(new Coding(Systems.LOINC, loinc.code(), loinc.display()));
        }
        if (code != null) {
            concept.addCoding(new Coding(Systems.LAB_TEST, code, title));
        }
        return concept;
    }

    /** A diary reading: a vital sign by the vital signs profile, capillary glucose, or a custom measure. */
    static Observation reading(Reading reading, PatientId patient) {
        var observation = new Observation();
        observation.setId(reading.id().toString());
        observation.setMeta(meta(reading.measuredAt()));
        observation.setStatus(ObservationStatus.FINAL);
        Measure measure = reading.measure();
        if (VITAL_SIGNS.contains(measure)) {
            observation.addCategory(category("vital-signs", "Vital Signs"));
        } else if (measure == Measure.GLUCOSE) {
            observation.addCategory(category("laboratory", "Laboratory"));
        }
        var loinc = MEASURE_LOINC.get(measure);
        var code = new CodeableConcept();
        if (loinc != null) {
            code.addCoding(new Coding(Systems.LOINC, loinc.code(), loinc.display()));
            if (measure == Measure.SPO2) {
                code.addCoding(new Coding(Systems.LOINC, PULSE_OXIMETRY.code(), PULSE_OXIMETRY.display()));
            }
            code.setText(loinc.display());
        } else {
            code.addCoding(new Coding(Systems.DIARY_MEASURE, measure.name(), reading.name()));
            code.setText(reading.name());
        }
        observation.setCode(code);
        observation.setSubject(patient(patient));
        observation.setEffective(
                new DateTimeType(Date.from(reading.measuredAt()), TemporalPrecisionEnum.SECOND).setTimeZoneZulu(true));
        if (measure == Measure.BLOOD_PRESSURE) {
            observation
                    .addComponent()
                    .setCode(new CodeableConcept(new Coding(Systems.LOINC, SYSTOLIC.code(), SYSTOLIC.display())))
                    .setValue(quantity(reading.value(), reading.unit()));
            observation
                    .addComponent()
                    .setCode(new CodeableConcept(new Coding(Systems.LOINC, DIASTOLIC.code(), DIASTOLIC.display())))
                    .setValue(quantity(reading.value2(), reading.unit()));
        } else {
            observation.setValue(quantity(reading.value(), reading.unit()));
        }
        if (reading.note() != null) {
            observation.addNote().setText(reading.note());
        }
        return observation;
    }

    static ObservationStatus status(EntryStatus status) {
        return switch (status) {
            case CURRENT -> ObservationStatus.FINAL;
            case AMENDED -> ObservationStatus.AMENDED;
            case ENTERED_IN_ERROR -> ObservationStatus.ENTEREDINERROR;
        };
    }

    static CodeableConcept category(String code, String display) {
        return new CodeableConcept(new Coding(Systems.OBSERVATION_CATEGORY, code, display));
    }

    static Meta meta(Instant updatedAt) {
        return updatedAt == null ? null : new Meta().setLastUpdated(Date.from(updatedAt));
    }

    static Reference patient(PatientId patient) {
        return new Reference("Patient/" + patient.value());
    }

    /** A clinical day, as FHIR writes a date without a time. */
    static DateTimeType day(java.time.LocalDate date) {
        return new DateTimeType(date.toString());
    }

    /** A value with its unit as written, and the UCUM code where the unit is one Medkarta knows. */
    static Quantity quantity(BigDecimal value, String unit) {
        var quantity = new Quantity()
                .setValue(new BigDecimal(value.stripTrailingZeros().toPlainString()));
        if (unit != null) {
            quantity.setUnit(unit);
            String ucum = UCUM.get(unit.strip().toLowerCase(Locale.ROOT));
            if (ucum != null) {
                quantity.setSystem(Systems.UCUM).setCode(ucum);
            }
        }
        return quantity;
    }

    private static CodeableConcept interpretation(String flag) {
        String display = switch (flag) {
            case "H" -> "High";
            case "L" -> "Low";
            default -> "Normal";
        };
        return new CodeableConcept(new Coding(Systems.INTERPRETATION, flag, display));
    }
}
