package org.medkarta.consultation;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.files.StoredFile;
import org.medkarta.shared.Columns;
import org.medkarta.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which stored files belong to which consultation, and what for. */
@Repository
class ConsultationFiles {

    private final JdbcClient jdbc;

    ConsultationFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(UUID consultation, String purpose, StoredFile file) {
        jdbc.sql("""
                        INSERT INTO consultation_file (id, consultation_id, purpose, file_id, name, media_type,
                               size_bytes, added_by, added_at)
                        VALUES (:id, :consultation, :purpose, :file, :name, :type, :size, :by, :at)
                        """)
                .param("id", UUID.randomUUID())
                .param("consultation", consultation)
                .param("purpose", purpose)
                .param("file", file.id().value())
                .param("name", file.name())
                .param("type", file.mediaType())
                .param("size", file.size())
                .param("by", file.owner().value())
                .param("at", Columns.utc(file.createdAt()))
                .update();
    }

    List<AttachmentView> of(UUID consultation) {
        return jdbc.sql("""
                        SELECT file_id, purpose, name, media_type, size_bytes, added_by, added_at
                        FROM consultation_file WHERE consultation_id = :id ORDER BY added_at, name
                        """)
                .param("id", consultation)
                .query((row, n) -> new AttachmentView(
                        Columns.uuid(row, "file_id"),
                        row.getString("purpose"),
                        row.getString("name"),
                        row.getString("media_type"),
                        row.getLong("size_bytes"),
                        new UserId(Columns.uuid(row, "added_by")),
                        Columns.instant(row, "added_at")))
                .list();
    }

    Optional<AttachmentView> find(UUID consultation, UUID file) {
        return of(consultation).stream().filter(a -> a.fileId().equals(file)).findFirst();
    }
}
