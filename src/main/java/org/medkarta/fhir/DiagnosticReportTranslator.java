package org.medkarta.fhir;

import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DiagnosticReport.DiagnosticReportStatus;
import org.hl7.fhir.r4.model.Reference;
import org.medkarta.record.EntryDetail;
import org.medkarta.record.EntryStatus;
import org.medkarta.record.EntryType;
import org.medkarta.record.EntryType.Modality;

/**
 * Instrumental studies (their conclusion) and laboratory results as DiagnosticReports. A laboratory
 * report is the one result it reports, which is the Observation of the same id.
 */
final class DiagnosticReportTranslator {

    /** HL7 v2 table 0074 diagnostic service section of each study modality. */
    static final Map<Modality, Coding> SECTIONS = new EnumMap<>(Map.of(
            Modality.ECG, section("EC", "Electrocardiac (e.g., EKG,  EEC, Holter)"),
            Modality.ULTRASOUND, section("RUS", "Radiology ultrasound"),
            Modality.ENDOSCOPY, section("OTH", "Other"),
            Modality.FUNCTIONAL, section("OTH", "Other"),
            Modality.XRAY, section("RAD", "Radiology"),
            Modality.FLUOROGRAPHY, section("RAD", "Radiology"),
            Modality.MAMMOGRAPHY, section("RAD", "Radiology"),
            Modality.CT, section("CT", "CAT Scan"),
            Modality.MRI, section("NMR", "Nuclear Magnetic Resonance"),
            Modality.OTHER, section("OTH", "Other")));

    static final Coding LABORATORY = section("LAB", "Laboratory");

    private DiagnosticReportTranslator() {}

    static DiagnosticReport toFhir(EntryDetail entry, Instant filedAt, Instant updatedAt) {
        var report = new DiagnosticReport();
        report.setId(entry.id().toString());
        report.setMeta(ObservationTranslator.meta(updatedAt));
        report.setStatus(status(entry.status()));
        report.setSubject(ObservationTranslator.patient(entry.patientId()));
        report.setEffective(ObservationTranslator.day(entry.date()));
        if (filedAt != null) {
            report.setIssued(Date.from(filedAt));
        }
        if (entry.type() == EntryType.LAB_RESULT) {
            report.addCategory(new CodeableConcept(LABORATORY.copy()));
            report.setCode(ObservationTranslator.labCode(entry.code(), entry.title()));
            report.addResult(new Reference("Observation/" + entry.id()));
            String comment = entry.fields().get("comment");
            if (comment != null && !comment.isBlank()) {
                report.setConclusion(comment);
            }
        } else {
            Modality modality = Modality.valueOf(entry.code());
            report.addCategory(new CodeableConcept(SECTIONS.get(modality).copy()));
            report.setCode(new CodeableConcept(new Coding(Systems.STUDY_MODALITY, modality.name(), modality.name()))
                    .setText(entry.title()));
            report.setConclusion(entry.fields().get("conclusion"));
        }
        return report;
    }

    static DiagnosticReportStatus status(EntryStatus status) {
        return switch (status) {
            case CURRENT -> DiagnosticReportStatus.FINAL;
            case AMENDED -> DiagnosticReportStatus.AMENDED;
            case ENTERED_IN_ERROR -> DiagnosticReportStatus.ENTEREDINERROR;
        };
    }

    private static Coding section(String code, String display) {
        return new Coding(Systems.DIAGNOSTIC_SERVICE, code, display);
    }
}
