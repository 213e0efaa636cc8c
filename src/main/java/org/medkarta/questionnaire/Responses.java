package org.medkarta.questionnaire;

import static org.medkarta.shared.Columns.instant;
import static org.medkarta.shared.Columns.utc;
import static org.medkarta.shared.Columns.uuid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Assignments of questionnaires to patients and the patients' responses (answers kept as JSON). */
@Repository
class Responses {

    private static final TypeReference<LinkedHashMap<String, List<String>>> ANSWERS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Responses(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** An assignment row. */
    record Assignment(
            UUID id,
            UUID series,
            PatientId patient,
            String occasion,
            UUID appointment,
            UserId told,
            Instant dueAt,
            Instant cancelledAt) {}

    /** A response row, answers as kept. */
    record Row(
            UUID id,
            UUID version,
            UUID series,
            PatientId patient,
            UUID assignment,
            ResponseStatus status,
            Map<String, List<String>> answers,
            Instant updatedAt,
            Instant submittedAt) {}

    /** Asks the patient to fill the series on an occasion; false when asked before (a redelivered event). */
    boolean assign(
            UUID id,
            UUID series,
            PatientId patient,
            String occasion,
            UUID appointment,
            UserId told,
            Instant dueAt,
            Instant now) {
        return jdbc.sql("""
                                INSERT INTO questionnaire_assignment (id, series_id, patient_id, occasion, appointment_id,
                                                                      told_user_id, due_at, created_at)
                                VALUES (:id, :series, :patient, :occasion, :appointment, :told, :due, :now)
                                ON CONFLICT DO NOTHING
                                """)
                        .param("id", id)
                        .param("series", series)
                        .param("patient", patient.value())
                        .param("occasion", occasion)
                        .param("appointment", appointment)
                        .param("told", told == null ? null : told.value())
                        .param("due", due(dueAt))
                        .param("now", utc(now))
                        .update()
                == 1;
    }

    private static Object due(Instant at) {
        return at == null ? null : utc(at);
    }

    Optional<Assignment> assignment(UUID id) {
        return jdbc.sql("SELECT * FROM questionnaire_assignment WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> assignment(rs))
                .optional();
    }

    /** The patient's assignments not cancelled, oldest first. */
    List<Assignment> assignmentsOf(PatientId patient) {
        return jdbc.sql("""
                        SELECT * FROM questionnaire_assignment WHERE patient_id = :patient AND cancelled_at IS NULL
                        ORDER BY created_at
                        """)
                .param("patient", patient.value())
                .query((rs, n) -> assignment(rs))
                .list();
    }

    void cancelFor(UUID appointment, Instant now) {
        jdbc.sql("""
                        UPDATE questionnaire_assignment SET cancelled_at = :now
                        WHERE appointment_id = :appointment AND cancelled_at IS NULL
                        """).param("appointment", appointment).param("now", utc(now)).update();
    }

    /** A moved appointment: the questionnaire is due at its new start, and reminded again before it. */
    void moveFor(UUID appointment, Instant start) {
        jdbc.sql("""
                        UPDATE questionnaire_assignment SET due_at = :start, reminded_at = NULL
                        WHERE appointment_id = :appointment AND cancelled_at IS NULL
                        """)
                .param("appointment", appointment)
                .param("start", utc(start))
                .update();
    }

    /** Assignments due within {@code (now, until]}, not reminded, not cancelled, with no submitted response. */
    List<Assignment> dueReminders(Instant now, Instant until, int limit) {
        return jdbc.sql("""
                        SELECT * FROM questionnaire_assignment a
                        WHERE a.cancelled_at IS NULL AND a.reminded_at IS NULL AND a.due_at > :now AND a.due_at <= :until
                          AND NOT EXISTS (SELECT 1 FROM questionnaire_response r
                                          WHERE r.assignment_id = a.id AND r.status = 'COMPLETED')
                        ORDER BY a.due_at LIMIT :limit
                        """)
                .param("now", utc(now))
                .param("until", utc(until))
                .param("limit", limit)
                .query((rs, n) -> assignment(rs))
                .list();
    }

    /** Marks the reminder sent; false when this or another node sent it already. */
    boolean markReminded(UUID assignment, Instant now) {
        return jdbc.sql("""
                                UPDATE questionnaire_assignment SET reminded_at = :now
                                WHERE id = :id AND reminded_at IS NULL
                                """).param("id", assignment).param("now", utc(now)).update() == 1;
    }

    boolean completed(UUID assignment) {
        return jdbc.sql("""
                                SELECT COUNT(*) FROM questionnaire_response
                                WHERE assignment_id = :assignment AND status = 'COMPLETED'
                                """).param("assignment", assignment).query(Long.class).single() > 0;
    }

    /** Whether the patient submitted a response to the series outside any assignment. */
    boolean completedOpen(PatientId patient, UUID series) {
        return jdbc.sql("""
                                SELECT COUNT(*) FROM questionnaire_response
                                WHERE patient_id = :patient AND series_id = :series AND assignment_id IS NULL
                                  AND status = 'COMPLETED'
                                """)
                        .param("patient", patient.value())
                        .param("series", series)
                        .query(Long.class)
                        .single()
                > 0;
    }

    Optional<Row> draft(String key) {
        return jdbc.sql("SELECT * FROM questionnaire_response WHERE draft_key = :key")
                .param("key", key)
                .query((rs, n) -> row(rs))
                .optional();
    }

    /**
     * The draft of {@code key}, made when there is none: two first saves at once find one draft, by
     * the unique draft key.
     */
    Row draftFor(
            String key, UUID version, UUID series, PatientId patient, UUID assignment, UserId author, Instant now) {
        jdbc.sql("""
                        INSERT INTO questionnaire_response (id, version_id, series_id, patient_id, assignment_id, status,
                                                            answers, draft_key, author_user_id, created_at, updated_at)
                        VALUES (:id, :version, :series, :patient, :assignment, 'IN_PROGRESS', '{}', :key, :author,
                                :now, :now)
                        ON CONFLICT DO NOTHING
                        """)
                .param("id", UUID.randomUUID())
                .param("version", version)
                .param("series", series)
                .param("patient", patient.value())
                .param("assignment", assignment)
                .param("key", key)
                .param("author", author.value())
                .param("now", utc(now))
                .update();
        return jdbc.sql("SELECT * FROM questionnaire_response WHERE draft_key = :key FOR UPDATE")
                .param("key", key)
                .query((rs, n) -> row(rs))
                .single();
    }

    void save(UUID id, UUID version, Map<String, List<String>> answers, UserId author, Instant now) {
        jdbc.sql("""
                        UPDATE questionnaire_response SET version_id = :version, answers = :answers,
                               author_user_id = :author, updated_at = :now
                        WHERE id = :id AND status = 'IN_PROGRESS'
                        """)
                .param("id", id)
                .param("version", version)
                .param("answers", json.writeValueAsString(answers))
                .param("author", author.value())
                .param("now", utc(now))
                .update();
    }

    /** Submits the draft: read-only from now on; false when it was submitted already. */
    boolean submit(UUID id, UUID version, Map<String, List<String>> answers, UserId author, Instant now) {
        return jdbc.sql("""
                                UPDATE questionnaire_response SET version_id = :version, answers = :answers,
                                       author_user_id = :author, updated_at = :now, submitted_at = :now,
                                       status = 'COMPLETED', draft_key = NULL
                                WHERE id = :id AND status = 'IN_PROGRESS'
                                """)
                        .param("id", id)
                        .param("version", version)
                        .param("answers", json.writeValueAsString(answers))
                        .param("author", author.value())
                        .param("now", utc(now))
                        .update()
                == 1;
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql("SELECT * FROM questionnaire_response WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> row(rs))
                .optional();
    }

    /** The patient's responses, newest first. */
    List<Row> ofPatient(PatientId patient) {
        return jdbc.sql("""
                        SELECT * FROM questionnaire_response WHERE patient_id = :patient
                        ORDER BY COALESCE(submitted_at, updated_at) DESC LIMIT 500
                        """)
                .param("patient", patient.value())
                .query((rs, n) -> row(rs))
                .list();
    }

    private Row row(ResultSet rs) throws SQLException {
        return new Row(
                uuid(rs, "id"),
                uuid(rs, "version_id"),
                uuid(rs, "series_id"),
                new PatientId(uuid(rs, "patient_id")),
                uuid(rs, "assignment_id"),
                ResponseStatus.valueOf(rs.getString("status")),
                json.readValue(rs.getString("answers"), ANSWERS),
                instant(rs, "updated_at"),
                instant(rs, "submitted_at"));
    }

    private static Assignment assignment(ResultSet rs) throws SQLException {
        UUID told = uuid(rs, "told_user_id");
        return new Assignment(
                uuid(rs, "id"),
                uuid(rs, "series_id"),
                new PatientId(uuid(rs, "patient_id")),
                rs.getString("occasion"),
                uuid(rs, "appointment_id"),
                told == null ? null : new UserId(told),
                instant(rs, "due_at"),
                instant(rs, "cancelled_at"));
    }
}
