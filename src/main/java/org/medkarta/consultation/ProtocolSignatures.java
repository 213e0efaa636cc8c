package org.medkarta.consultation;

import java.util.Optional;
import java.util.UUID;
import org.medkarta.shared.Columns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The signatures of sent protocols: one row per protocol, written once. */
@Repository
class ProtocolSignatures {

    private final JdbcClient jdbc;

    ProtocolSignatures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID consultation, ProtocolSignature s) {
        jdbc.sql("""
                        INSERT INTO consultation_protocol_signature (consultation_id, document_id, verify_url,
                               pdf_file_id, signature_file_id, clinic_signature_file_id, signer_name, signer_serial,
                               signer_valid_from, signer_valid_to, clinic_signer_name, clinic_signer_serial, signed_at)
                        VALUES (:id, :document, :url, :pdf, :sig, :clinicSig, :name, :serial, :validFrom, :validTo,
                                :clinicName, :clinicSerial, :signedAt)
                        """)
                .param("id", consultation)
                .param("document", s.documentId())
                .param("url", s.verifyUrl())
                .param("pdf", s.pdfFileId())
                .param("sig", s.signatureFileId())
                .param("clinicSig", s.clinicSignatureFileId())
                .param("name", s.signerName())
                .param("serial", s.signerSerial())
                .param("validFrom", Columns.utc(s.validFrom()))
                .param("validTo", Columns.utc(s.validTo()))
                .param("clinicName", s.clinicSignerName())
                .param("clinicSerial", s.clinicSignerSerial())
                .param("signedAt", Columns.utc(s.signedAt()))
                .update();
    }

    Optional<ProtocolSignature> find(UUID consultation) {
        return jdbc.sql("SELECT * FROM consultation_protocol_signature WHERE consultation_id = :id")
                .param("id", consultation)
                .query((row, n) -> new ProtocolSignature(
                        Columns.uuid(row, "document_id"),
                        row.getString("verify_url"),
                        Columns.uuid(row, "pdf_file_id"),
                        Columns.uuid(row, "signature_file_id"),
                        Columns.uuid(row, "clinic_signature_file_id"),
                        row.getString("signer_name"),
                        row.getString("signer_serial"),
                        Columns.instant(row, "signer_valid_from"),
                        Columns.instant(row, "signer_valid_to"),
                        row.getString("clinic_signer_name"),
                        row.getString("clinic_signer_serial"),
                        Columns.instant(row, "signed_at")))
                .optional();
    }
}
