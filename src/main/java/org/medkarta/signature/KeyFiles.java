package org.medkarta.signature;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.shared.Columns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The uploaded PKCS#12 files, one per doctor and per clinic; a new upload replaces the old one. */
@Repository
class KeyFiles {

    record KeyFile(byte[] pkcs12, X509Certificate certificate, Instant uploadedAt) {}

    private final JdbcClient jdbc;

    KeyFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<KeyFile> find(SigningKey key) {
        return jdbc.sql("SELECT * FROM signature_key WHERE owner_kind = :kind AND owner_id = :owner")
                .param("kind", key.owner().name())
                .param("owner", key.ownerId())
                .query((row, number) -> new KeyFile(
                        row.getBytes("pkcs12"),
                        Certificates.read(row.getBytes("certificate")),
                        Columns.instant(row, "uploaded_at")))
                .optional();
    }

    void put(SigningKey key, byte[] pkcs12, X509Certificate certificate, UUID by, Instant at) {
        jdbc.sql("DELETE FROM signature_key WHERE owner_kind = :kind AND owner_id = :owner")
                .param("kind", key.owner().name())
                .param("owner", key.ownerId())
                .update();
        String subject = certificate.getSubjectX500Principal().getName();
        jdbc.sql("""
                        INSERT INTO signature_key
                            (owner_kind, owner_id, pkcs12, certificate, subject, serial, not_after, uploaded_by, uploaded_at)
                        VALUES (:kind, :owner, :pkcs12, :certificate, :subject, :serial, :notAfter, :by, :at)
                        """)
                .param("kind", key.owner().name())
                .param("owner", key.ownerId())
                .param("pkcs12", pkcs12)
                .param("certificate", Certificates.encoded(certificate))
                .param("subject", subject.length() > 1000 ? subject.substring(0, 1000) : subject)
                .param("serial", Certificates.serial(certificate.getSerialNumber()))
                .param("notAfter", Columns.utc(certificate.getNotAfter().toInstant()))
                .param("by", by)
                .param("at", Columns.utc(at))
                .update();
    }

    boolean remove(SigningKey key) {
        return jdbc.sql("DELETE FROM signature_key WHERE owner_kind = :kind AND owner_id = :owner")
                        .param("kind", key.owner().name())
                        .param("owner", key.ownerId())
                        .update()
                > 0;
    }
}
