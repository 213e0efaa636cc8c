package org.medkarta.record;

import static org.medkarta.shared.Columns.instant;
import static org.medkarta.shared.Columns.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.medkarta.access.Relation;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The extract jobs ({@code record_extract}). A worker claims a job by a conditional update that
 * raises its attempt number, and every later write of that worker names the attempt it claimed: a
 * worker whose lease ran out and whose job another node took over writes nothing more.
 */
@Repository
class ExtractJobs {

    /** A job as the worker needs it: what to produce and which attempt it holds. */
    record Job(
            UUID id,
            PatientId patient,
            UserId orderedBy,
            Relation relation,
            List<EntryType> sections,
            LocalDate from,
            LocalDate to,
            ClinicId clinic,
            int attempt,
            Instant orderedAt) {}

    /** What the PDF and its signature became, written when the job is done. */
    record Result(
            UUID pdfFile,
            UUID signatureFile,
            UUID signedDocument,
            String verifyUrl,
            String signerName,
            String signerSerial,
            int entries) {}

    private final JdbcClient jdbc;

    ExtractJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(
            UUID id,
            PatientId patient,
            UserId orderedBy,
            Relation relation,
            List<EntryType> sections,
            LocalDate from,
            LocalDate to,
            ClinicId clinic,
            Instant at) {
        jdbc.sql("""
                        INSERT INTO record_extract (id, patient_id, ordered_by, relation, sections, period_from, period_to,
                                                    clinic_id, state, progress, attempts, ordered_at)
                        VALUES (:id, :patient, :by, :relation, :sections, :from, :to, :clinic, 'QUEUED', 0, 0, :at)
                        """)
                .param("id", id)
                .param("patient", patient.value())
                .param("by", orderedBy.value())
                .param("relation", relation.name())
                .param(
                        "sections",
                        String.join(",", sections.stream().map(Enum::name).toList()))
                .param("from", from)
                .param("to", to)
                .param("clinic", clinic == null ? null : clinic.value())
                .param("at", utc(at))
                .update();
    }

    /** The jobs a worker may take now: queued ones, and running ones whose worker's lease ran out. */
    List<UUID> due(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT id FROM record_extract
                        WHERE state = 'QUEUED' OR (state = 'RUNNING' AND lease_until < :now)
                        ORDER BY ordered_at, id LIMIT :limit
                        """)
                .param("now", utc(now))
                .param("limit", limit)
                .query(UUID.class)
                .list();
    }

    /**
     * Takes a due job for {@code lease}: one statement, so two nodes never both take it. Empty when
     * it is not due any more (another worker took it, or it ended).
     */
    Optional<Job> claim(UUID id, Instant now, Instant leaseUntil) {
        int claimed = jdbc.sql("""
                        UPDATE record_extract SET state = 'RUNNING', attempts = attempts + 1, lease_until = :lease,
                               progress = 0, started_at = :now
                        WHERE id = :id AND (state = 'QUEUED' OR (state = 'RUNNING' AND lease_until < :now))
                        """)
                .param("id", id)
                .param("now", utc(now))
                .param("lease", utc(leaseUntil))
                .update();
        if (claimed == 0) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM record_extract WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> job(rs))
                .optional();
    }

    /** Reports progress and renews the lease; false when the job is no longer this attempt's. */
    boolean progress(UUID id, int attempt, int percent, Instant leaseUntil) {
        return whileThisAttemptRuns(
                id,
                attempt,
                "progress = :percent, lease_until = :lease",
                update -> update.param("percent", Math.max(0, Math.min(99, percent)))
                        .param("lease", utc(leaseUntil)));
    }

    /** Marks the job done with its result; false when the job is no longer this attempt's. */
    boolean done(UUID id, int attempt, Result result, Instant at) {
        return whileThisAttemptRuns(
                id,
                attempt,
                """
                state = 'DONE', progress = 100, lease_until = NULL, pdf_file_id = :pdf, signature_file_id = :sig,
                signed_document_id = :document, verify_url = :url, signer_name = :signer, signer_serial = :serial,
                entries = :entries, failure = NULL, finished_at = :at""",
                update -> update.param("pdf", result.pdfFile())
                        .param("sig", result.signatureFile())
                        .param("document", result.signedDocument())
                        .param("url", result.verifyUrl())
                        .param("signer", cut(result.signerName(), 300))
                        .param("serial", cut(result.signerSerial(), 100))
                        .param("entries", result.entries())
                        .param("at", utc(at)));
    }

    /** Gives the job up with a reason (a message code); false when it is no longer this attempt's. */
    boolean failed(UUID id, int attempt, String failure, Instant at) {
        return whileThisAttemptRuns(
                id,
                attempt,
                "state = 'FAILED', lease_until = NULL, failure = :failure, finished_at = :at",
                update -> update.param("failure", cut(failure, 200)).param("at", utc(at)));
    }

    /**
     * Changes the job only while {@code attempt} still runs it: a worker whose lease lapsed and was
     * taken over by another node must not overwrite what the newer attempt reports.
     */
    private boolean whileThisAttemptRuns(
            UUID id, int attempt, String assignments, UnaryOperator<JdbcClient.StatementSpec> values) {
        return values.apply(jdbc.sql("UPDATE record_extract SET " + assignments
                                + " WHERE id = :id AND attempts = :attempt AND state = 'RUNNING'"))
                        .param("id", id)
                        .param("attempt", attempt)
                        .update()
                > 0;
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql("SELECT * FROM record_extract WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> row(rs))
                .optional();
    }

    List<Row> ofPatient(PatientId patient, int limit) {
        return jdbc.sql(
                        "SELECT * FROM record_extract WHERE patient_id = :patient ORDER BY ordered_at DESC, id LIMIT :limit")
                .param("patient", patient.value())
                .param("limit", limit)
                .query((rs, n) -> row(rs))
                .list();
    }

    Optional<PatientId> patientOf(UUID id) {
        return jdbc.sql("SELECT patient_id FROM record_extract WHERE id = :id")
                .param("id", id)
                .query(UUID.class)
                .optional()
                .map(PatientId::new);
    }

    /** A job row with everything the views need. */
    record Row(
            UUID id,
            PatientId patient,
            UserId orderedBy,
            List<EntryType> sections,
            LocalDate from,
            LocalDate to,
            ClinicId clinic,
            ExtractState state,
            int progress,
            String failure,
            Integer entries,
            UUID pdfFile,
            UUID signatureFile,
            String verifyUrl,
            String signerName,
            String signerSerial,
            Instant orderedAt,
            Instant finishedAt) {}

    private static Row row(ResultSet rs) throws SQLException {
        UUID clinic = rs.getObject("clinic_id", UUID.class);
        return new Row(
                rs.getObject("id", UUID.class),
                new PatientId(rs.getObject("patient_id", UUID.class)),
                new UserId(rs.getObject("ordered_by", UUID.class)),
                sections(rs.getString("sections")),
                rs.getObject("period_from", LocalDate.class),
                rs.getObject("period_to", LocalDate.class),
                clinic == null ? null : new ClinicId(clinic),
                ExtractState.valueOf(rs.getString("state")),
                rs.getInt("progress"),
                rs.getString("failure"),
                org.medkarta.shared.Columns.integer(rs, "entries"),
                rs.getObject("pdf_file_id", UUID.class),
                rs.getObject("signature_file_id", UUID.class),
                rs.getString("verify_url"),
                rs.getString("signer_name"),
                rs.getString("signer_serial"),
                instant(rs, "ordered_at"),
                instant(rs, "finished_at"));
    }

    private static Job job(ResultSet rs) throws SQLException {
        UUID clinic = rs.getObject("clinic_id", UUID.class);
        return new Job(
                rs.getObject("id", UUID.class),
                new PatientId(rs.getObject("patient_id", UUID.class)),
                new UserId(rs.getObject("ordered_by", UUID.class)),
                Relation.valueOf(rs.getString("relation")),
                sections(rs.getString("sections")),
                rs.getObject("period_from", LocalDate.class),
                rs.getObject("period_to", LocalDate.class),
                clinic == null ? null : new ClinicId(clinic),
                rs.getInt("attempts"),
                instant(rs, "ordered_at"));
    }

    private static List<EntryType> sections(String text) {
        return text == null || text.isBlank()
                ? List.of()
                : Arrays.stream(text.split(",")).map(EntryType::valueOf).toList();
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
