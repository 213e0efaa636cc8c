package org.medkarta.record;

import static org.medkarta.record.FieldSpec.choice;
import static org.medkarta.record.FieldSpec.date;
import static org.medkarta.record.FieldSpec.longText;
import static org.medkarta.record.FieldSpec.number;
import static org.medkarta.record.FieldSpec.text;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of record entry (SPEC E2), each named after the FHIR R4 resource it maps to, with its
 * form fields, the field that gives its date and, for what the patient account shows, the date
 * from which it is shown (order 003, Appendix 1, rows 6-9).
 */
public enum EntryType {
    /** Протокол осмотра: Encounter with a Composition of its sections. Appendix 1 row 6: from 2017. */
    EXAM_PROTOCOL(
            "Encounter",
            LocalDate.of(2017, 1, 1),
            "date",
            List.of(
                    date("date", true),
                    text("specialty", true),
                    longText("complaints", false),
                    longText("anamnesis", false),
                    longText("examination", true),
                    longText("conclusion", true),
                    longText("recommendations", false))),
    /** Диагноз: Condition with its ICD-10 code; not in Appendix 1, so not shown in the patient account. */
    DIAGNOSIS(
            "Condition",
            null,
            "onset",
            List.of(
                    text("icd10", true),
                    text("name", true),
                    date("onset", true),
                    date("abatement", false),
                    choice("clinicalStatus", true, List.of("ACTIVE", "RESOLVED")))),
    /** Результат лабораторного исследования: Observation. Appendix 1 row 8: from 2019. */
    LAB_RESULT(
            "Observation",
            LocalDate.of(2019, 1, 1),
            "date",
            List.of(
                    date("date", true),
                    text("testCode", true),
                    text("testName", true),
                    number("value", true),
                    text("unit", true),
                    number("referenceLow", false),
                    number("referenceHigh", false),
                    longText("comment", false))),
    /**
     * Результат инструментального исследования (its text conclusion): DiagnosticReport. Appendix 1
     * row 9: from 2019, radiology from the EMIAS radiology service (ЕРИС) from 2016.
     */
    INSTRUMENTAL(
            "DiagnosticReport",
            LocalDate.of(2019, 1, 1),
            "date",
            List.of(
                    date("date", true),
                    choice("modality", true, Modality.names()),
                    text("study", true),
                    longText("conclusion", true))),
    /** Госпитализация with its discharge summary (выписной эпикриз). Appendix 1 row 7: from 2019. */
    HOSPITALISATION(
            "Encounter",
            LocalDate.of(2019, 1, 1),
            "discharged",
            List.of(
                    date("admitted", true),
                    date("discharged", true),
                    text("department", true),
                    text("reason", true),
                    text("outcome", true),
                    longText("summary", true))),
    /**
     * A visit recorded by another system and imported with its record (SPEC I3): an Encounter with its
     * kind, reason, place and performer but no protocol text. Not in Appendix 1 (the account shows
     * protocols), so clinicians see it and the patient account does not.
     */
    VISIT(
            "Encounter",
            null,
            "date",
            List.of(
                    date("date", true),
                    date("end", false),
                    text("kind", true),
                    text("reason", false),
                    text("place", false),
                    text("performer", false))),
    /** Назначение: MedicationRequest; an e-prescription carries its number. */
    PRESCRIPTION(
            "MedicationRequest",
            null,
            "date",
            List.of(
                    date("date", true),
                    text("medication", true),
                    text("dose", true),
                    text("course", true),
                    text("ePrescriptionNumber", false))),
    /** Прививка: Immunization. */
    VACCINATION(
            "Immunization",
            null,
            "date",
            List.of(date("date", true), text("vaccine", true), text("series", false), text("reaction", false))),
    /**
     * Процедура, манипуляция, операция: Procedure. Its code is one of the Ministry's nomenclature of
     * medical services (НМУ, OID 1.2.643.5.1.13.13.11.1070, such as {@code A16.20.036}) or another
     * system's code. Not in Appendix 1, so, as a diagnosis, not shown in the patient account:
     * clinicians only.
     */
    PROCEDURE(
            "Procedure",
            null,
            "date",
            List.of(date("date", true), text("code", false), text("name", true), longText("outcome", false))),
    /**
     * Аллергия, непереносимость: AllergyIntolerance, dated when it was recorded. Not in Appendix 1,
     * so, as a diagnosis, not shown in the patient account: clinicians only.
     */
    ALLERGY(
            "AllergyIntolerance",
            null,
            "recorded",
            List.of(
                    date("recorded", true),
                    text("substance", true),
                    text("code", false),
                    choice("category", true, List.of("FOOD", "MEDICATION", "ENVIRONMENT", "BIOLOGIC")),
                    choice("criticality", false, List.of("LOW", "HIGH", "UNABLE_TO_ASSESS")),
                    choice("clinicalStatus", true, List.of("ACTIVE", "INACTIVE", "RESOLVED")),
                    text("reaction", false))),
    /** Скрининг, диспансеризация: an Observation of the screening's result. */
    SCREENING("Observation", null, "date", List.of(date("date", true), text("kind", true), longText("result", true))),
    /** Листок нетрудоспособности. */
    SICK_LEAVE(
            "DocumentReference",
            null,
            "from",
            List.of(text("number", true), date("from", true), date("to", false), text("reason", true))),
    /** A document (PDF, image): DocumentReference pointing at a stored file. */
    DOCUMENT(
            "DocumentReference", null, "date", List.of(date("date", true), text("title", true), text("fileId", false)));

    private final String fhirResource;
    private final LocalDate shownToPatientFrom;
    private final String dateField;
    private final List<FieldSpec> fields;

    EntryType(String fhirResource, LocalDate shownToPatientFrom, String dateField, List<FieldSpec> fields) {
        this.fhirResource = fhirResource;
        this.shownToPatientFrom = shownToPatientFrom;
        this.dateField = dateField;
        this.fields = fields;
    }

    /** The FHIR R4 resource type this entry becomes. */
    public String fhirResource() {
        return fhirResource;
    }

    /** The form's fields in order. */
    public List<FieldSpec> fields() {
        return fields;
    }

    /** The field that holds the entry's clinical date. */
    public String dateField() {
        return dateField;
    }

    /** Whether order 003 Appendix 1 lists this kind among what the patient account shows. */
    public boolean shownToPatient() {
        return shownToPatientFrom != null;
    }

    /**
     * The first date from which an entry of this kind is shown in the patient account, or empty
     * when it is not shown there at all. Radiology conclusions from ЕРИС count from 2016 (Appendix
     * 1, row 9).
     */
    public Optional<LocalDate> shownToPatientFrom(boolean radiology) {
        if (this == INSTRUMENTAL && radiology) {
            return Optional.of(RADIOLOGY_FROM);
        }
        return Optional.ofNullable(shownToPatientFrom);
    }

    /** Appendix 1, row 9: «начиная с 2016 года» for studies from the radiology service. */
    static final LocalDate RADIOLOGY_FROM = LocalDate.of(2016, 1, 1);

    /** The types the patient account lists, for its type filter. */
    public static List<EntryType> shownToPatients() {
        return java.util.Arrays.stream(values())
                .filter(EntryType::shownToPatient)
                .toList();
    }

    /** Instrumental study kinds; the radiological ones come from the radiology service (ЕРИС). */
    public enum Modality {
        ECG(false),
        ULTRASOUND(false),
        ENDOSCOPY(false),
        FUNCTIONAL(false),
        XRAY(true),
        FLUOROGRAPHY(true),
        MAMMOGRAPHY(true),
        CT(true),
        MRI(true),
        OTHER(false);

        private final boolean radiology;

        Modality(boolean radiology) {
            this.radiology = radiology;
        }

        public boolean radiology() {
            return radiology;
        }

        static List<String> names() {
            return java.util.Arrays.stream(values()).map(Enum::name).toList();
        }
    }
}
