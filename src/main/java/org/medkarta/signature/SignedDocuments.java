package org.medkarta.signature;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.files.FileId;
import org.medkarta.files.Files;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.Columns;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PublicUrl;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every signed document Medkarta issues, for verification by anyone who holds its QR code
 * (issue 16, "Verification for anyone"). The document and its signature are kept in the files
 * module; the public page shows the verdict and the certificate, never the document's content.
 */
@Service
public class SignedDocuments {

    /**
     * What the public page shows of a stored document: no content.
     *
     * @param verdicts one per signature, in the order they were filed
     */
    public record StoredVerification(
            UUID id,
            String kind,
            String title,
            ClinicId clinic,
            String clinicName,
            Instant filedAt,
            Verdict verdict,
            List<Verdict> verdicts) {}

    private record Row(UUID id, String kind, String title, ClinicId clinic, String tokenHash, UUID document) {}

    private record Filed(UUID signature, Instant filedAt) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Files files;
    private final Verifier verifier;
    private final ClinicCatalogue clinics;
    private final PublicUrl publicUrl;
    private final Audits audits;
    private final Clock clock;

    SignedDocuments(
            JdbcClient jdbc,
            Files files,
            Verifier verifier,
            ClinicCatalogue clinics,
            PublicUrl publicUrl,
            Audits audits,
            Clock clock) {
        this.jdbc = jdbc;
        this.files = files;
        this.verifier = verifier;
        this.clinics = clinics;
        this.publicUrl = publicUrl;
        this.audits = audits;
        this.clock = clock;
    }

    /**
     * Reserves an id and a QR token before the PDF is rendered.
     *
     * @param kind what it is ("PROTOCOL", "EXTRACT"), shown on the verification page
     * @param title a short title without medical content ("Протокол консультации от 05.12.2026")
     */
    @Transactional
    public SignedDocumentRef reserve(String kind, ClinicId clinic, String title) {
        var id = UUID.randomUUID();
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        jdbc.sql("""
                        INSERT INTO signature_document (id, kind, clinic_id, title, token_hash, reserved_at)
                        VALUES (:id, :kind, :clinic, :title, :tokenHash, :at)
                        """)
                .param("id", id)
                .param("kind", cut(kind, 32))
                .param("clinic", clinic.value())
                .param("title", cut(title, 300))
                .param("tokenHash", hash(token))
                .param("at", Columns.utc(clock.instant()))
                .update();
        return new SignedDocumentRef(id, token, publicUrl.of("/signatures/verify?document=" + id + "&token=" + token));
    }

    /**
     * Files the signed document once its signature has been verified valid by the caller; adds a
     * further signature (a clinic's co-signature) when called again for the same id. Audited.
     *
     * @throws NotFound when nothing was reserved under {@code id}
     * @throws SignatureRefusal {@code signature-not-valid} for an invalid verdict, {@code
     *     signed-document-differs} when a further signature is filed for another document
     */
    @Transactional
    public void file(UUID id, FileId document, FileId signature, Verdict verdict) {
        Row row = row(id).orElseThrow(NotFound::new);
        if (verdict == null || !verdict.valid()) {
            throw SignatureRefusal.signatureNotValid();
        }
        if (row.document() != null && !row.document().equals(document.value())) {
            throw SignatureRefusal.documentDiffers();
        }
        Instant now = clock.instant();
        jdbc.sql(
                        "UPDATE signature_document SET document_id = :document, filed_at = COALESCE(filed_at, :at) WHERE id = :id")
                .param("document", document.value())
                .param("at", Columns.utc(now))
                .param("id", id)
                .update();
        int ordinal = jdbc.sql(
                        "SELECT COALESCE(MAX(ordinal), 0) + 1 FROM signature_document_signature WHERE document_id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
        jdbc.sql("""
                        INSERT INTO signature_document_signature (document_id, ordinal, signature_id, serial, signed_at, filed_at)
                        VALUES (:id, :ordinal, :signature, :serial, :signedAt, :at)
                        """)
                .param("id", id)
                .param("ordinal", ordinal)
                .param("signature", signature.value())
                .param(
                        "serial",
                        verdict.signer() == null ? null : verdict.signer().serial())
                .param("signedAt", verdict.signedAt() == null ? null : Columns.utc(verdict.signedAt()))
                .param("at", Columns.utc(now))
                .update();
        audits.record(null, "SYSTEM", "SIGNED_DOCUMENT_FILED", "signed-document:" + id + ":" + ordinal, "SUCCESS");
    }

    /**
     * Verifies a stored document again now (CRLs may have changed since). A wrong token, an unknown
     * id or a document not filed yet: {@link VerdictReason#NOT_FOUND}. A failed verification of a
     * stored document is audited.
     */
    public Verdict verifyStored(UUID id, String token) {
        return inspect(id, token).map(StoredVerification::verdict).orElseGet(this::notFound);
    }

    /** The verdict for a stored document asked for with a wrong token, or none: it reveals nothing. */
    public Verdict notFound() {
        return new Verdict(false, VerdictReason.NOT_FOUND, "No such signed document", null, clock.instant(), false);
    }

    /**
     * What the public verification page shows of a stored document: its kind, title, clinic and
     * date, and the verdict of each signature, checked now against the clinic's trust anchors at the
     * time each signature was filed. Empty (and audited) for a wrong token, an unknown id or a
     * document not filed yet.
     */
    public Optional<StoredVerification> inspect(UUID id, String token) {
        Optional<Row> found = id == null || token == null ? Optional.empty() : row(id);
        if (found.isEmpty()
                || found.get().document() == null
                || !MessageDigest.isEqual(
                        hash(token).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                        found.get().tokenHash().getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            audits.record(null, "ANONYMOUS", "SIGNED_DOCUMENT_VERIFIED", "signed-document:" + id, "NOT_FOUND");
            return Optional.empty();
        }
        Row row = found.get();
        List<Filed> signatures = jdbc.sql("""
                        SELECT signature_id, filed_at FROM signature_document_signature
                        WHERE document_id = :id ORDER BY ordinal
                        """)
                .param("id", id)
                .query((result, number) ->
                        new Filed(Columns.uuid(result, "signature_id"), Columns.instant(result, "filed_at")))
                .list();
        byte[] document = files.open(new FileId(row.document())).content();
        var verdicts = new ArrayList<Verdict>();
        for (Filed filed : signatures) {
            byte[] signature = files.open(new FileId(filed.signature())).content();
            verdicts.add(verifier.verify(document, signature, new Trust(row.clinic(), null, filed.filedAt())));
        }
        Verdict verdict =
                verdicts.stream().filter(one -> !one.valid()).findFirst().orElse(verdicts.get(0));
        if (!verdict.valid()) {
            audits.record(
                    null,
                    "ANONYMOUS",
                    "SIGNED_DOCUMENT_VERIFIED",
                    "signed-document:" + id,
                    "INVALID:" + verdict.reason());
        }
        String clinicName;
        try {
            clinicName = clinics.card(row.clinic()).name();
        } catch (NotFound gone) {
            clinicName = null;
        }
        return Optional.of(new StoredVerification(
                id,
                row.kind(),
                row.title(),
                row.clinic(),
                clinicName,
                signatures.get(0).filedAt(),
                verdict,
                verdicts));
    }

    private Optional<Row> row(UUID id) {
        return jdbc.sql("SELECT * FROM signature_document WHERE id = :id")
                .param("id", id)
                .query((result, number) -> new Row(
                        Columns.uuid(result, "id"),
                        result.getString("kind"),
                        result.getString("title"),
                        new ClinicId(Columns.uuid(result, "clinic_id")),
                        result.getString("token_hash"),
                        Columns.uuid(result, "document_id")))
                .optional();
    }

    private static String hash(String token) {
        return Certificates.sha256(token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String cut(String text, int length) {
        String value = text == null ? "" : text;
        return value.length() > length ? value.substring(0, length) : value;
    }
}
