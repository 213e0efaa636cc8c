package org.medkarta.fhir;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.medkarta.fhir.BulkImportJob.State;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.Columns;
import org.medkarta.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Bulk import jobs, their units done and their refusals ({@code fhir_import_*}). */
@Repository
class BulkImportJobs {

    /** Where a job reads from and as whom it runs: what a worker needs beside the view. */
    record Work(UUID id, ClinicId clinic, UserId startedBy, String folder, boolean uploaded, String locale) {}

    private static final String COLUMNS = """
            id, clinic_id, started_by, source, folder, uploaded, unit_kind, locale, state, units_total, units_done,
            resources, created, matched, duplicates, kept, refused, warnings, error, started_at, finished_at
            """;

    private final JdbcClient jdbc;

    BulkImportJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID create(ClinicId clinic, UserId by, String source, String folder, boolean uploaded, String locale, Instant at) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO fhir_import_job (id, clinic_id, started_by, source, folder, uploaded, locale, state,
                                                     started_at, updated_at)
                        VALUES (:id, :clinic, :by, :source, :folder, :uploaded, :locale, 'RUNNING', :at, :at)
                        """)
                .param("id", id)
                .param("clinic", clinic.value())
                .param("by", by.value())
                .param("source", cut(source, 4000))
                .param("folder", folder)
                .param("uploaded", uploaded)
                .param("locale", locale)
                .param("at", Columns.utc(at))
                .update();
        return id;
    }

    Optional<Work> work(UUID id) {
        return jdbc.sql(
                        "SELECT id, clinic_id, started_by, folder, uploaded, locale FROM fhir_import_job WHERE id = :id")
                .param("id", id)
                .query((row, n) -> new Work(
                        Columns.uuid(row, "id"),
                        new ClinicId(Columns.uuid(row, "clinic_id")),
                        new UserId(Columns.uuid(row, "started_by")),
                        row.getString("folder"),
                        row.getBoolean("uploaded"),
                        row.getString("locale")))
                .optional();
    }

    Optional<BulkImportJob> find(UUID id, int refusals) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM fhir_import_job WHERE id = :id")
                .param("id", id)
                .query((row, n) -> view(row))
                .optional()
                .map(job -> job.withRefusals(refusals(id, refusals)));
    }

    List<BulkImportJob> ofClinic(ClinicId clinic, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM fhir_import_job WHERE clinic_id = :clinic "
                        + "ORDER BY started_at DESC, id LIMIT :limit")
                .param("clinic", clinic.value())
                .param("limit", limit)
                .query((row, n) -> view(row))
                .list();
    }

    /** The newest job of {@code clinic} reading {@code folder} that has not ended: the one a re-run resumes. */
    Optional<UUID> unfinished(ClinicId clinic, String folder) {
        return jdbc.sql("""
                        SELECT id FROM fhir_import_job
                        WHERE clinic_id = :clinic AND folder = :folder AND state IN ('RUNNING', 'FAILED')
                        ORDER BY started_at DESC, id
                        """).param("clinic", clinic.value()).param("folder", folder).query(UUID.class).list().stream()
                .findFirst();
    }

    List<UUID> running() {
        return jdbc.sql("SELECT id FROM fhir_import_job WHERE state = 'RUNNING'")
                .query(UUID.class)
                .list();
    }

    Optional<State> state(UUID id) {
        return jdbc.sql("SELECT state FROM fhir_import_job WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional()
                .map(State::valueOf);
    }

    /** The job runs (again): counted afresh from its units done; false when it was cancelled or is done. */
    boolean run(UUID id, String unitKind, int units, Instant at) {
        return jdbc.sql("""
                                UPDATE fhir_import_job SET state = 'RUNNING', unit_kind = :kind, units_total = :units,
                                       error = NULL, finished_at = NULL, updated_at = :at
                                WHERE id = :id AND state IN ('RUNNING', 'FAILED')
                                """)
                        .param("id", id)
                        .param("kind", unitKind)
                        .param("units", units)
                        .param("at", Columns.utc(at))
                        .update()
                > 0;
    }

    Set<String> unitsDone(UUID id) {
        return new HashSet<>(jdbc.sql("SELECT unit FROM fhir_import_unit WHERE job_id = :id")
                .param("id", id)
                .query(String.class)
                .list());
    }

    /**
     * One unit done with what it did, and the refusals it met, in one transaction: a crash leaves the
     * unit either counted and skipped on a re-run, or not counted and imported again (which, the
     * import being idempotent, adds nothing twice).
     */
    @Transactional
    void unitDone(
            UUID id,
            String unit,
            FhirImport.Report report,
            List<String> refusals,
            boolean counted,
            int refusalsKept,
            Instant at) {
        int resources = report.created() + report.matched() + report.duplicates() + report.kept() + report.refused();
        jdbc.sql("""
                        INSERT INTO fhir_import_unit (job_id, unit, resources, done_at)
                        VALUES (:id, :unit, :resources, :at)
                        """)
                .param("id", id)
                .param("unit", cut(unit, 500))
                .param("resources", resources)
                .param("at", Columns.utc(at))
                .update();
        jdbc.sql("""
                        UPDATE fhir_import_job SET units_done = units_done + :counted, resources = resources + :resources,
                               created = created + :created, matched = matched + :matched,
                               duplicates = duplicates + :duplicates, kept = kept + :kept, refused = refused + :refused,
                               warnings = warnings + :warnings, updated_at = :at
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("counted", counted ? 1 : 0)
                .param("resources", resources)
                .param("created", report.created())
                .param("matched", report.matched())
                .param("duplicates", report.duplicates())
                .param("kept", report.kept())
                .param("refused", report.refused())
                .param("warnings", report.warnings())
                .param("at", Columns.utc(at))
                .update();
        if (refusals.isEmpty()) {
            return;
        }
        int seq = jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM fhir_import_refusal WHERE job_id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
        for (String reason : refusals) {
            if (seq >= refusalsKept) {
                break;
            }
            seq++;
            jdbc.sql("INSERT INTO fhir_import_refusal (job_id, seq, unit, reason) VALUES (:id, :seq, :unit, :reason)")
                    .param("id", id)
                    .param("seq", seq)
                    .param("unit", cut(unit, 500))
                    .param("reason", cut(reason, 2000))
                    .update();
        }
    }

    boolean finish(UUID id, Instant at) {
        return end(id, State.DONE, null, at);
    }

    void fail(UUID id, String error, Instant at) {
        end(id, State.FAILED, cut(error, 2000), at);
    }

    boolean cancel(UUID id, Instant at) {
        return jdbc.sql("""
                                UPDATE fhir_import_job SET state = 'CANCELLED', finished_at = :at, updated_at = :at
                                WHERE id = :id AND state IN ('RUNNING', 'FAILED')
                                """).param("id", id).param("at", Columns.utc(at)).update() > 0;
    }

    private boolean end(UUID id, State state, String error, Instant at) {
        return jdbc.sql("""
                                UPDATE fhir_import_job SET state = :state, error = :error, finished_at = :at, updated_at = :at
                                WHERE id = :id AND state = 'RUNNING'
                                """)
                        .param("id", id)
                        .param("state", state.name())
                        .param("error", error)
                        .param("at", Columns.utc(at))
                        .update()
                > 0;
    }

    private List<BulkImportJob.Refusal> refusals(UUID id, int limit) {
        return jdbc.sql("SELECT unit, reason FROM fhir_import_refusal WHERE job_id = :id ORDER BY seq LIMIT :limit")
                .param("id", id)
                .param("limit", limit)
                .query((row, n) -> new BulkImportJob.Refusal(row.getString("unit"), row.getString("reason")))
                .list();
    }

    private static BulkImportJob view(java.sql.ResultSet row) throws java.sql.SQLException {
        return new BulkImportJob(
                Columns.uuid(row, "id"),
                new ClinicId(Columns.uuid(row, "clinic_id")),
                new UserId(Columns.uuid(row, "started_by")),
                row.getString("source"),
                row.getBoolean("uploaded"),
                row.getString("unit_kind") == null ? null : BulkImportJob.UnitKind.valueOf(row.getString("unit_kind")),
                State.valueOf(row.getString("state")),
                Columns.integer(row, "units_total"),
                row.getInt("units_done"),
                row.getInt("resources"),
                row.getInt("created"),
                row.getInt("matched"),
                row.getInt("duplicates"),
                row.getInt("kept"),
                row.getInt("refused"),
                row.getInt("warnings"),
                row.getString("error"),
                Columns.instant(row, "started_at"),
                Columns.instant(row, "finished_at"),
                List.of());
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
