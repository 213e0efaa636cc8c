package org.medkarta.clinic;

import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Logos and photos, one per clinic or doctor, kept in the database so that every node serves them. */
@Repository
class Images {

    private final JdbcClient jdbc;

    Images(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void put(UUID owner, Picture image) {
        int updated = jdbc.sql(
                        "UPDATE clinic_image SET content_type = :type, content = :content WHERE owner_id = :owner")
                .param("owner", owner)
                .param("type", image.contentType())
                .param("content", image.content())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO clinic_image (owner_id, content_type, content) VALUES (:owner, :type, :content)")
                    .param("owner", owner)
                    .param("type", image.contentType())
                    .param("content", image.content())
                    .update();
        }
    }

    Optional<Picture> find(UUID owner) {
        return jdbc.sql("SELECT content_type, content FROM clinic_image WHERE owner_id = :owner")
                .param("owner", owner)
                .query((row, n) -> new Picture(row.getString("content_type"), row.getBytes("content")))
                .optional();
    }
}
