package org.medkarta.fhir;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.DocumentReference.ReferredDocumentStatus;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.Period;
import org.medkarta.record.EntryDetail;
import org.medkarta.record.EntryStatus;
import org.medkarta.record.EntryType;
import org.medkarta.record.UploadKind;
import org.medkarta.record.UploadState;
import org.medkarta.record.UploadView;
import org.medkarta.shared.PatientId;

/**
 * Exam protocols, discharge summaries and the patient's uploads as DocumentReferences. A protocol
 * or a summary carries its text in the attachment; an upload points at the REST API's download of
 * its file, and only for a reader who may download from the record.
 */
final class DocumentReferenceTranslator {

    static final Coding CONSULT_NOTE = new Coding(Systems.LOINC, "11488-4", "Consult note");
    static final Coding DISCHARGE_SUMMARY = new Coding(Systems.LOINC, "18842-5", "Discharge summary");
    static final Coding PATIENT_UPLOAD =
            new Coding(Systems.DOCUMENT_KIND, "patient-upload", "Document uploaded by the patient");
    static final Coding VACCINATION_PROOF =
            new Coding(Systems.DOCUMENT_KIND, "vaccination-proof", "Proof of vaccination uploaded by the patient");

    private DocumentReferenceTranslator() {}

    /** An exam protocol or a hospital stay's discharge summary, its text in the attachment. */
    static DocumentReference entry(EntryDetail entry, Instant filedAt, Instant updatedAt) {
        var document = new DocumentReference();
        document.setId(entry.id().toString());
        document.setMeta(ObservationTranslator.meta(updatedAt));
        if (entry.status() == EntryStatus.ENTERED_IN_ERROR) {
            document.setStatus(DocumentReferenceStatus.ENTEREDINERROR);
        } else {
            document.setStatus(DocumentReferenceStatus.CURRENT);
            document.setDocStatus(
                    entry.status() == EntryStatus.AMENDED
                            ? ReferredDocumentStatus.AMENDED
                            : ReferredDocumentStatus.FINAL);
        }
        boolean stay = entry.type() == EntryType.HOSPITALISATION;
        document.setType(new CodeableConcept((stay ? DISCHARGE_SUMMARY : CONSULT_NOTE).copy()));
        document.addCategory(
                category(stay ? "discharge-summary" : "protocol", stay ? "Discharge summary" : "Exam protocol"));
        document.setSubject(ObservationTranslator.patient(entry.patientId()));
        if (filedAt != null) {
            document.setDate(Date.from(filedAt));
        }
        document.setDescription(entry.title());
        var text = new StringBuilder();
        entry.fields()
                .forEach((name, value) ->
                        text.append(name).append(": ").append(value).append('\n'));
        var attachment = new Attachment()
                .setContentType("text/plain; charset=utf-8")
                .setLanguage("ru")
                .setData(text.toString().getBytes(StandardCharsets.UTF_8))
                .setTitle(entry.title());
        document.addContent().setAttachment(attachment);
        var period = new Period();
        if (stay) {
            period.setStartElement(new DateTimeType(entry.fields().get("admitted")));
            period.setEndElement(new DateTimeType(entry.fields().get("discharged")));
        } else {
            period.setStartElement(ObservationTranslator.day(entry.date()));
            period.setEndElement(ObservationTranslator.day(entry.date()));
        }
        document.getContext().setPeriod(period);
        return document;
    }

    /**
     * A patient's upload; {@code downloadUrl} is the REST API's download of its file, or null for a
     * reader who may view the record but not download from it.
     */
    static DocumentReference upload(UploadView upload, PatientId patient, String downloadUrl) {
        var document = new DocumentReference();
        document.setId(upload.id().toString());
        Instant changed = upload.decidedAt() == null ? upload.uploadedAt() : upload.decidedAt();
        document.setMeta(ObservationTranslator.meta(changed));
        document.setStatus(DocumentReferenceStatus.CURRENT);
        document.setDocStatus(
                upload.state() == UploadState.PENDING
                        ? ReferredDocumentStatus.PRELIMINARY
                        : ReferredDocumentStatus.FINAL);
        boolean vaccination = upload.kind() == UploadKind.VACCINATION;
        document.setType(new CodeableConcept((vaccination ? VACCINATION_PROOF : PATIENT_UPLOAD).copy()));
        document.addCategory(category("upload", "Patient upload"));
        document.setSubject(ObservationTranslator.patient(patient));
        document.setDate(Date.from(upload.uploadedAt()));
        document.setDescription(upload.title());
        var attachment = new Attachment()
                .setContentType(upload.mediaType())
                .setTitle(upload.fileName())
                .setSize((int) Math.min(Integer.MAX_VALUE, upload.size()))
                .setCreation(Date.from(upload.uploadedAt()));
        if (downloadUrl != null) {
            attachment.setUrl(downloadUrl);
        }
        document.addContent().setAttachment(attachment);
        return document;
    }

    private static CodeableConcept category(String code, String display) {
        return new CodeableConcept(new Coding(Systems.DOCUMENT_CATEGORY, code, display));
    }
}
