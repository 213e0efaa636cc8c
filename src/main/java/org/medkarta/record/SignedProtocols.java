package org.medkarta.record;

import java.util.Optional;
import java.util.UUID;
import org.medkarta.access.AccessDecision;
import org.medkarta.access.RecordAction;
import org.medkarta.consultation.ProtocolSignature;
import org.medkarta.files.FileContent;
import org.medkarta.files.FileId;
import org.medkarta.files.Files;
import org.medkarta.shared.Columns;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signed consultation protocols in the record (issue 16): the patient, and whoever may read their
 * record, downloads the signed PDF exactly as it was signed and the detached signature beside it.
 */
@Service
public class SignedProtocols {

    private final JdbcClient jdbc;
    private final RecordReading reading;
    private final Files files;

    SignedProtocols(JdbcClient jdbc, RecordReading reading, Files files) {
        this.jdbc = jdbc;
        this.reading = reading;
        this.files = files;
    }

    /** The signature of an entry the person may see, if it is a signed protocol. */
    @Transactional(readOnly = true)
    public Optional<SignedProtocol> of(AccessDecision decision, UUID entry) {
        RecordRules.expect(decision, RecordAction.VIEW);
        return find(decision.patient(), entry).map(Row::view);
    }

    /**
     * The signed PDF's exact bytes.
     *
     * @throws NotFound when the entry is not a signed protocol of this record
     */
    @Transactional
    public FileContent pdf(AccessDecision decision, UUID entry) {
        RecordRules.expect(decision, RecordAction.DOWNLOAD);
        return files.open(new FileId(visible(decision, entry).pdfFileId()));
    }

    /** The doctor's detached signature ({@code .sig}). */
    @Transactional
    public FileContent signature(AccessDecision decision, UUID entry) {
        RecordRules.expect(decision, RecordAction.DOWNLOAD);
        return files.open(new FileId(visible(decision, entry).signatureFileId()));
    }

    /** Kept when the consultation's protocol is filed (this module's listener). */
    void keep(UUID entry, PatientId patient, ProtocolSignature s) {
        jdbc.sql("""
                        INSERT INTO record_signed_entry (entry_id, patient_id, pdf_file_id, signature_file_id,
                               clinic_signature_file_id, signer_name, signer_serial, valid_to, verify_url, signed_at)
                        VALUES (:entry, :patient, :pdf, :sig, :clinicSig, :name, :serial, :validTo, :url, :signedAt)
                        """)
                .param("entry", entry)
                .param("patient", patient.value())
                .param("pdf", s.pdfFileId())
                .param("sig", s.signatureFileId())
                .param("clinicSig", s.clinicSignatureFileId())
                .param("name", s.signerName())
                .param("serial", s.signerSerial())
                .param("validTo", Columns.utc(s.validTo()))
                .param("url", s.verifyUrl())
                .param("signedAt", Columns.utc(s.signedAt()))
                .update();
    }

    private Row visible(AccessDecision decision, UUID entry) {
        // The entry itself must be one this person sees (the patient account hides some); reading it
        // marks it seen for the patient, as opening the entry does, hence not a read-only transaction.
        reading.entry(decision, entry);
        return find(decision.patient(), entry).orElseThrow(NotFound::new);
    }

    private Optional<Row> find(PatientId patient, UUID entry) {
        if (entry == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM record_signed_entry WHERE entry_id = :entry AND patient_id = :patient")
                .param("entry", entry)
                .param("patient", patient.value())
                .query((row, n) -> new Row(
                        new SignedProtocol(
                                Columns.uuid(row, "entry_id"),
                                row.getString("signer_name"),
                                row.getString("signer_serial"),
                                Columns.instant(row, "valid_to"),
                                row.getString("verify_url"),
                                Columns.instant(row, "signed_at"),
                                Columns.uuid(row, "clinic_signature_file_id") != null),
                        Columns.uuid(row, "pdf_file_id"),
                        Columns.uuid(row, "signature_file_id")))
                .optional();
    }

    private record Row(SignedProtocol view, UUID pdfFileId, UUID signatureFileId) {}
}
