package org.medkarta.consultation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.medkarta.shared.Columns;
import org.medkarta.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Protocols being signed (issue 16): the checked content and the rendered PDF the doctor's signature
 * must cover. A new draft of the same consultation replaces the previous one.
 */
@Repository
class ProtocolDrafts {

    /** A draft as stored. */
    record Draft(
            UUID consultationId,
            ProtocolContent.Checked content,
            List<UUID> fileIds,
            UUID documentId,
            String verifyUrl,
            UUID pdfFileId,
            String signerSnils,
            String signerName,
            String signerSerial,
            UserId madeBy,
            Instant madeAt) {}

    private final JdbcClient jdbc;

    ProtocolDrafts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void replace(Draft draft) {
        delete(draft.consultationId());
        jdbc.sql("""
                        INSERT INTO consultation_protocol_draft (consultation_id, anamnesis, recommendations,
                               additional_recommendations, diagnoses, file_ids, document_id, verify_url, pdf_file_id,
                               signer_snils, signer_name, signer_serial, made_by, made_at)
                        VALUES (:id, :anamnesis, :recommendations, :additional, :diagnoses, :files, :document, :url,
                                :pdf, :snils, :name, :serial, :by, :at)
                        """)
                .param("id", draft.consultationId())
                .param("anamnesis", draft.content().anamnesis())
                .param("recommendations", draft.content().recommendations())
                .param("additional", draft.content().additionalRecommendations())
                .param(
                        "diagnoses",
                        draft.content().diagnoses().stream()
                                .map(d -> d.code() + "\t" + d.name())
                                .collect(Collectors.joining("\n")))
                .param("files", draft.fileIds().stream().map(UUID::toString).collect(Collectors.joining(",")))
                .param("document", draft.documentId())
                .param("url", draft.verifyUrl())
                .param("pdf", draft.pdfFileId())
                .param("snils", draft.signerSnils())
                .param("name", draft.signerName())
                .param("serial", draft.signerSerial())
                .param("by", draft.madeBy().value())
                .param("at", Columns.utc(draft.madeAt()))
                .update();
    }

    Optional<Draft> find(UUID consultation) {
        return jdbc.sql("SELECT * FROM consultation_protocol_draft WHERE consultation_id = :id")
                .param("id", consultation)
                .query((row, n) -> new Draft(
                        consultation,
                        new ProtocolContent.Checked(
                                row.getString("anamnesis"),
                                row.getString("recommendations"),
                                row.getString("additional_recommendations"),
                                diagnoses(row.getString("diagnoses"))),
                        ids(row.getString("file_ids")),
                        Columns.uuid(row, "document_id"),
                        row.getString("verify_url"),
                        Columns.uuid(row, "pdf_file_id"),
                        row.getString("signer_snils"),
                        row.getString("signer_name"),
                        row.getString("signer_serial"),
                        new UserId(Columns.uuid(row, "made_by")),
                        Columns.instant(row, "made_at")))
                .optional();
    }

    void delete(UUID consultation) {
        jdbc.sql("DELETE FROM consultation_protocol_draft WHERE consultation_id = :id")
                .param("id", consultation)
                .update();
    }

    private static List<Diagnosis> diagnoses(String text) {
        var diagnoses = new ArrayList<Diagnosis>();
        if (text == null || text.isEmpty()) {
            return diagnoses;
        }
        for (String line : text.split("\n")) {
            int tab = line.indexOf('\t');
            diagnoses.add(new Diagnosis(line.substring(0, tab), line.substring(tab + 1)));
        }
        return diagnoses;
    }

    private static List<UUID> ids(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(UUID::fromString).toList();
    }
}
