package org.medkarta.questionnaire;

import static org.medkarta.shared.Columns.instant;
import static org.medkarta.shared.Columns.utc;
import static org.medkarta.shared.Columns.uuid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Questionnaire series, their versions (items kept as JSON) and the services they are attached to. */
@Repository
class Questionnaires {

    private static final TypeReference<List<Item>> ITEMS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Questionnaires(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void addSeries(UUID series, ClinicId clinic, boolean openToAll, UserId by, Instant at) {
        jdbc.sql("""
                        INSERT INTO questionnaire_series (id, clinic_id, open_to_all, created_by, created_at)
                        VALUES (:id, :clinic, :open, :by, :at)
                        """)
                .param("id", series)
                .param("clinic", clinic.value())
                .param("open", openToAll)
                .param("by", by.value())
                .param("at", utc(at))
                .update();
    }

    void addVersion(
            UUID id,
            UUID series,
            int version,
            String title,
            String description,
            List<Item> items,
            UserId by,
            Instant at) {
        jdbc.sql("""
                        INSERT INTO questionnaire_version (id, series_id, version, status, title, description, items,
                                                           created_by, created_at)
                        VALUES (:id, :series, :version, 'DRAFT', :title, :description, :items, :by, :at)
                        """)
                .param("id", id)
                .param("series", series)
                .param("version", version)
                .param("title", title)
                .param("description", description)
                .param("items", json.writeValueAsString(items))
                .param("by", by.value())
                .param("at", utc(at))
                .update();
    }

    void updateDraft(UUID id, String title, String description, List<Item> items) {
        jdbc.sql("""
                        UPDATE questionnaire_version SET title = :title, description = :description, items = :items
                        WHERE id = :id AND status = 'DRAFT'
                        """)
                .param("id", id)
                .param("title", title)
                .param("description", description)
                .param("items", json.writeValueAsString(items))
                .update();
    }

    void setAssignment(UUID series, boolean openToAll, List<UUID> services) {
        jdbc.sql("UPDATE questionnaire_series SET open_to_all = :open WHERE id = :series")
                .param("open", openToAll)
                .param("series", series)
                .update();
        jdbc.sql("DELETE FROM questionnaire_service WHERE series_id = :series")
                .param("series", series)
                .update();
        for (UUID service : services) {
            jdbc.sql("INSERT INTO questionnaire_service (series_id, service_id) VALUES (:series, :service)")
                    .param("series", series)
                    .param("service", service)
                    .update();
        }
    }

    /** Publishes the draft and retires the version published before it, in one transaction. */
    boolean publish(UUID id, UUID series, Instant at) {
        jdbc.sql(
                        "UPDATE questionnaire_version SET status = 'RETIRED' WHERE series_id = :series AND status = 'PUBLISHED'")
                .param("series", series)
                .update();
        return jdbc.sql("""
                                UPDATE questionnaire_version SET status = 'PUBLISHED', published_at = :at
                                WHERE id = :id AND status = 'DRAFT'
                                """).param("id", id).param("at", utc(at)).update() == 1;
    }

    /** Locks the series row, so that two new versions of one series are made one after the other. */
    void lockSeries(UUID series) {
        jdbc.sql("SELECT id FROM questionnaire_series WHERE id = :series FOR UPDATE")
                .param("series", series)
                .query(UUID.class)
                .optional();
    }

    int lastVersion(UUID series) {
        return jdbc.sql("SELECT MAX(version) FROM questionnaire_version WHERE series_id = :series")
                .param("series", series)
                .query(Integer.class)
                .single();
    }

    Optional<QuestionnaireView> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE v.id = :id")
                .param("id", id)
                .query((rs, n) -> view(rs))
                .optional()
                .map(this::withServices);
    }

    Optional<QuestionnaireView> draftOf(UUID series) {
        return jdbc.sql(SELECT + " WHERE v.series_id = :series AND v.status = 'DRAFT'")
                .param("series", series)
                .query((rs, n) -> view(rs))
                .optional()
                .map(this::withServices);
    }

    Optional<QuestionnaireView> publishedOf(UUID series) {
        return jdbc.sql(SELECT + " WHERE v.series_id = :series AND v.status = 'PUBLISHED'")
                .param("series", series)
                .query((rs, n) -> view(rs))
                .optional()
                .map(this::withServices);
    }

    /** Every version of the clinic's questionnaires, newest series first, versions newest first. */
    List<QuestionnaireView> ofClinic(ClinicId clinic) {
        return jdbc
                .sql(SELECT + " WHERE s.clinic_id = :clinic ORDER BY s.created_at DESC, v.version DESC")
                .param("clinic", clinic.value())
                .query((rs, n) -> view(rs))
                .list()
                .stream()
                .map(this::withServices)
                .toList();
    }

    /** The series attached to a service of the clinic that have a published version. */
    List<UUID> seriesOfService(ClinicId clinic, UUID service) {
        return jdbc.sql("""
                        SELECT DISTINCT s.id FROM questionnaire_series s
                        JOIN questionnaire_service q ON q.series_id = s.id
                        JOIN questionnaire_version v ON v.series_id = s.id AND v.status = 'PUBLISHED'
                        WHERE q.service_id = :service AND s.clinic_id = :clinic
                        """)
                .param("service", service)
                .param("clinic", clinic.value())
                .query(UUID.class)
                .list();
    }

    /** The published versions of series open to every patient of their clinic. */
    List<QuestionnaireView> openToAll() {
        return jdbc
                .sql(SELECT + " WHERE s.open_to_all = TRUE AND v.status = 'PUBLISHED' ORDER BY v.published_at")
                .query((rs, n) -> view(rs))
                .list()
                .stream()
                .map(this::withServices)
                .toList();
    }

    private static final String SELECT = """
            SELECT v.*, s.clinic_id, s.open_to_all FROM questionnaire_version v
            JOIN questionnaire_series s ON s.id = v.series_id""";

    private QuestionnaireView view(ResultSet rs) throws SQLException {
        return new QuestionnaireView(
                uuid(rs, "id"),
                uuid(rs, "series_id"),
                new ClinicId(uuid(rs, "clinic_id")),
                rs.getInt("version"),
                QuestionnaireStatus.valueOf(rs.getString("status")),
                rs.getString("title"),
                rs.getString("description"),
                json.readValue(rs.getString("items"), ITEMS),
                List.of(),
                rs.getBoolean("open_to_all"),
                instant(rs, "created_at"),
                instant(rs, "published_at"));
    }

    private QuestionnaireView withServices(QuestionnaireView view) {
        var services = jdbc.sql(
                        "SELECT service_id FROM questionnaire_service WHERE series_id = :series ORDER BY service_id")
                .param("series", view.seriesId())
                .query(UUID.class)
                .list();
        return new QuestionnaireView(
                view.id(),
                view.seriesId(),
                view.clinicId(),
                view.version(),
                view.status(),
                view.title(),
                view.description(),
                view.items(),
                services,
                view.openToAll(),
                view.createdAt(),
                view.publishedAt());
    }
}
