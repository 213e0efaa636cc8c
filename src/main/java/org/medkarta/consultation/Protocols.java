package org.medkarta.consultation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.shared.Columns;
import org.medkarta.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sent protocols, their diagnoses and addenda: rows are only ever added, never changed. */
@Repository
class Protocols {

    private final JdbcClient jdbc;

    Protocols(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID consultation, ProtocolForm form, List<Diagnosis> diagnoses, UserId by, Instant at) {
        jdbc.sql("""
                        INSERT INTO consultation_protocol (consultation_id, anamnesis, recommendations,
                               additional_recommendations, sent_at, sent_by)
                        VALUES (:id, :anamnesis, :recommendations, :additional, :at, :by)
                        """)
                .param("id", consultation)
                .param("anamnesis", form.anamnesis())
                .param("recommendations", form.recommendations())
                .param("additional", form.additionalRecommendations())
                .param("at", Columns.utc(at))
                .param("by", by.value())
                .update();
        int position = 0;
        for (var diagnosis : diagnoses) {
            jdbc.sql("""
                            INSERT INTO consultation_diagnosis (consultation_id, position, code, name)
                            VALUES (:id, :position, :code, :name)
                            """)
                    .param("id", consultation)
                    .param("position", position++)
                    .param("code", diagnosis.code())
                    .param("name", diagnosis.name())
                    .update();
        }
    }

    void addendum(UUID consultation, String text, UserId by, Instant at) {
        jdbc.sql("""
                        INSERT INTO consultation_addendum (id, consultation_id, text, written_at, written_by)
                        VALUES (:id, :consultation, :text, :at, :by)
                        """)
                .param("id", UUID.randomUUID())
                .param("consultation", consultation)
                .param("text", text)
                .param("at", Columns.utc(at))
                .param("by", by.value())
                .update();
    }

    Optional<ProtocolView> find(UUID consultation) {
        var diagnoses = jdbc.sql(
                        "SELECT code, name FROM consultation_diagnosis WHERE consultation_id = :id ORDER BY position")
                .param("id", consultation)
                .query((row, n) -> new Diagnosis(row.getString("code"), row.getString("name")))
                .list();
        var addenda = jdbc.sql("""
                        SELECT id, text, written_at, written_by FROM consultation_addendum
                        WHERE consultation_id = :id ORDER BY written_at, id
                        """)
                .param("id", consultation)
                .query((row, n) -> new ProtocolView.Addendum(
                        Columns.uuid(row, "id"),
                        row.getString("text"),
                        Columns.instant(row, "written_at"),
                        new UserId(Columns.uuid(row, "written_by"))))
                .list();
        return jdbc.sql("""
                        SELECT anamnesis, recommendations, additional_recommendations, sent_at, sent_by
                        FROM consultation_protocol WHERE consultation_id = :id
                        """)
                .param("id", consultation)
                .query((row, n) -> new ProtocolView(
                        consultation,
                        row.getString("anamnesis"),
                        row.getString("recommendations"),
                        row.getString("additional_recommendations"),
                        diagnoses,
                        Columns.instant(row, "sent_at"),
                        new UserId(Columns.uuid(row, "sent_by")),
                        addenda))
                .optional();
    }
}
