package org.medkarta.signature;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.Columns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The clinics' trust anchors and uploaded CRLs, as rows. */
@Repository
class TrustStore {

    private final JdbcClient jdbc;

    TrustStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<TrustAnchorView> anchors(ClinicId clinic) {
        return jdbc.sql("SELECT * FROM signature_trust_anchor WHERE clinic_id = :clinic ORDER BY added_at, id")
                .param("clinic", clinic.value())
                .query((row, number) -> view(row))
                .list();
    }

    /** The anchors of {@code clinic}, or of every clinic on the platform when it is null. */
    List<X509Certificate> certificates(ClinicId clinic) {
        var sql = clinic == null
                ? jdbc.sql("SELECT DISTINCT certificate, sha256 FROM signature_trust_anchor")
                : jdbc.sql("SELECT certificate FROM signature_trust_anchor WHERE clinic_id = :clinic")
                        .param("clinic", clinic.value());
        return sql.query((row, number) -> Certificates.read(row.getBytes("certificate")))
                .list();
    }

    /** CRLs uploaded by {@code clinic}, or by any clinic when it is null. */
    List<X509CRL> crls(ClinicId clinic) {
        var sql = clinic == null
                ? jdbc.sql("SELECT crl FROM signature_crl")
                : jdbc.sql("SELECT crl FROM signature_crl WHERE clinic_id = :clinic")
                        .param("clinic", clinic.value());
        return sql.query((row, number) -> Certificates.readCrl(row.getBytes("crl")))
                .list();
    }

    Optional<TrustAnchorView> anchor(ClinicId clinic, UUID id) {
        return jdbc.sql("SELECT * FROM signature_trust_anchor WHERE clinic_id = :clinic AND id = :id")
                .param("clinic", clinic.value())
                .param("id", id)
                .query((row, number) -> view(row))
                .optional();
    }

    boolean holds(ClinicId clinic, String sha256) {
        return jdbc.sql("SELECT COUNT(*) FROM signature_trust_anchor WHERE clinic_id = :clinic AND sha256 = :sha256")
                        .param("clinic", clinic.value())
                        .param("sha256", sha256)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void add(UUID id, ClinicId clinic, X509Certificate certificate, UUID by, Instant at) {
        byte[] der = Certificates.encoded(certificate);
        jdbc.sql("""
                        INSERT INTO signature_trust_anchor
                            (id, clinic_id, subject, serial, not_before, not_after, sha256, certificate, added_by, added_at)
                        VALUES (:id, :clinic, :subject, :serial, :notBefore, :notAfter, :sha256, :certificate, :by, :at)
                        """)
                .param("id", id)
                .param("clinic", clinic.value())
                .param("subject", cut(certificate.getSubjectX500Principal().getName()))
                .param("serial", Certificates.serial(certificate.getSerialNumber()))
                .param("notBefore", Columns.utc(certificate.getNotBefore().toInstant()))
                .param("notAfter", Columns.utc(certificate.getNotAfter().toInstant()))
                .param("sha256", Certificates.sha256(der))
                .param("certificate", der)
                .param("by", by)
                .param("at", Columns.utc(at))
                .update();
    }

    boolean remove(ClinicId clinic, UUID id) {
        return jdbc.sql("DELETE FROM signature_trust_anchor WHERE clinic_id = :clinic AND id = :id")
                        .param("clinic", clinic.value())
                        .param("id", id)
                        .update()
                > 0;
    }

    void addCrl(UUID id, ClinicId clinic, X509CRL crl, UUID by, Instant at) {
        try {
            jdbc.sql("""
                            INSERT INTO signature_crl
                                (id, clinic_id, issuer, this_update, next_update, entries, crl, added_by, added_at)
                            VALUES (:id, :clinic, :issuer, :thisUpdate, :nextUpdate, :entries, :crl, :by, :at)
                            """)
                    .param("id", id)
                    .param("clinic", clinic.value())
                    .param("issuer", cut(crl.getIssuerX500Principal().getName()))
                    .param("thisUpdate", Columns.utc(crl.getThisUpdate().toInstant()))
                    .param(
                            "nextUpdate",
                            crl.getNextUpdate() == null
                                    ? null
                                    : Columns.utc(crl.getNextUpdate().toInstant()))
                    .param(
                            "entries",
                            crl.getRevokedCertificates() == null
                                    ? 0
                                    : crl.getRevokedCertificates().size())
                    .param("crl", crl.getEncoded())
                    .param("by", by)
                    .param("at", Columns.utc(at))
                    .update();
        } catch (java.security.cert.CRLException e) {
            throw SignatureRefusal.crlUnreadable();
        }
    }

    List<CrlView> crlViews(ClinicId clinic) {
        return jdbc.sql("SELECT * FROM signature_crl WHERE clinic_id = :clinic ORDER BY added_at, id")
                .param("clinic", clinic.value())
                .query((row, number) -> new CrlView(
                        Columns.uuid(row, "id"),
                        row.getString("issuer"),
                        Columns.instant(row, "this_update"),
                        Columns.instant(row, "next_update"),
                        row.getInt("entries")))
                .list();
    }

    boolean removeCrl(ClinicId clinic, UUID id) {
        return jdbc.sql("DELETE FROM signature_crl WHERE clinic_id = :clinic AND id = :id")
                        .param("clinic", clinic.value())
                        .param("id", id)
                        .update()
                > 0;
    }

    private static TrustAnchorView view(java.sql.ResultSet row) throws java.sql.SQLException {
        var certificate = Certificates.read(row.getBytes("certificate"));
        return new TrustAnchorView(
                Columns.uuid(row, "id"),
                Certificates.view(certificate),
                row.getString("sha256"),
                Columns.instant(row, "added_at"));
    }

    private static String cut(String text) {
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
