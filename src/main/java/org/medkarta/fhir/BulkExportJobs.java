package org.medkarta.fhir;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.Columns;
import org.medkarta.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Bulk export jobs and their NDJSON files ({@code fhir_export_job}, {@code fhir_export_file}). */
@Repository
class BulkExportJobs {

    enum Status {
        ACCEPTED,
        RUNNING,
        DONE,
        FAILED,
        CANCELLED
    }

    /** A job as its owner polls it. */
    record Job(
            UUID id,
            UserId owner,
            ClinicId clinic,
            Status status,
            Set<String> types,
            Instant since,
            String request,
            Instant transactionTime,
            Integer recordsTotal,
            int recordsDone,
            String error) {}

    /** One file of a finished job, without its content. */
    record File(UUID id, String type, int part, int count) {}

    private final JdbcClient jdbc;

    BulkExportJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Job accept(UserId owner, ClinicId clinic, Set<String> types, Instant since, String request, Instant at) {
        var id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO fhir_export_job (id, owner_id, clinic_id, status, types, since, request_url,
                                                     transaction_time)
                        VALUES (:id, :owner, :clinic, 'ACCEPTED', :types, :since, :request, :at)
                        """)
                .param("id", id)
                .param("owner", owner.value())
                .param("clinic", clinic.value())
                .param("types", String.join(",", types))
                .param("since", since == null ? null : Columns.utc(since))
                .param("request", request)
                .param("at", Columns.utc(at))
                .update();
        return find(id).orElseThrow();
    }

    Optional<Job> find(UUID id) {
        return jdbc.sql("SELECT * FROM fhir_export_job WHERE id = :id")
                .param("id", id)
                .query((row, n) -> new Job(
                        Columns.uuid(row, "id"),
                        new UserId(Columns.uuid(row, "owner_id")),
                        new ClinicId(Columns.uuid(row, "clinic_id")),
                        Status.valueOf(row.getString("status")),
                        types(row.getString("types")),
                        Columns.instant(row, "since"),
                        row.getString("request_url"),
                        Columns.instant(row, "transaction_time"),
                        Columns.integer(row, "records_total"),
                        row.getInt("records_done"),
                        row.getString("error")))
                .optional();
    }

    /** Starts an accepted job with the number of records it covers; false when it was cancelled. */
    boolean start(UUID id, int records) {
        return jdbc.sql("""
                                UPDATE fhir_export_job SET status = 'RUNNING', records_total = :records
                                WHERE id = :id AND status = 'ACCEPTED'
                                """).param("id", id).param("records", records).update() > 0;
    }

    /** One more record exported; false when the job is no longer running (cancelled). */
    boolean progressed(UUID id) {
        return jdbc.sql("""
                                UPDATE fhir_export_job SET records_done = records_done + 1
                                WHERE id = :id AND status = 'RUNNING'
                                """).param("id", id).update() > 0;
    }

    void addFile(UUID job, String type, int part, int count, String content) {
        jdbc.sql("""
                        INSERT INTO fhir_export_file (id, job_id, resource_type, part, resource_count, content)
                        VALUES (:id, :job, :type, :part, :count, :content)
                        """)
                .param("id", UUID.randomUUID())
                .param("job", job)
                .param("type", type)
                .param("part", part)
                .param("count", count)
                .param("content", content)
                .update();
    }

    /** A running job is done; false when it was cancelled meanwhile. */
    boolean finish(UUID id, Instant at) {
        return end(id, Status.DONE, null, at, Set.of(Status.RUNNING));
    }

    void fail(UUID id, String error, Instant at) {
        end(id, Status.FAILED, error, at, Set.of(Status.ACCEPTED, Status.RUNNING));
    }

    /** Cancels a job whatever its state (a finished one too: its files go); false when it was already. */
    boolean cancel(UUID id, Instant at) {
        boolean cancelled = end(
                id, Status.CANCELLED, null, at, Set.of(Status.ACCEPTED, Status.RUNNING, Status.DONE, Status.FAILED));
        removeFiles(id);
        return cancelled;
    }

    void removeFiles(UUID job) {
        jdbc.sql("DELETE FROM fhir_export_file WHERE job_id = :job")
                .param("job", job)
                .update();
    }

    List<File> files(UUID job) {
        return jdbc.sql("""
                        SELECT id, resource_type, part, resource_count FROM fhir_export_file
                        WHERE job_id = :job ORDER BY resource_type, part
                        """)
                .param("job", job)
                .query((row, n) -> new File(
                        Columns.uuid(row, "id"),
                        row.getString("resource_type"),
                        row.getInt("part"),
                        row.getInt("resource_count")))
                .list();
    }

    Optional<String> content(UUID job, UUID file) {
        return jdbc.sql("SELECT content FROM fhir_export_file WHERE job_id = :job AND id = :file")
                .param("job", job)
                .param("file", file)
                .query(String.class)
                .optional();
    }

    private boolean end(UUID id, Status status, String error, Instant at, Set<Status> from) {
        return jdbc.sql("""
                                UPDATE fhir_export_job SET status = :status, error = :error, finished_at = :at
                                WHERE id = :id AND status IN (:from)
                                """)
                        .param("id", id)
                        .param("status", status.name())
                        .param("error", error)
                        .param("at", Columns.utc(at))
                        .param("from", from.stream().map(Status::name).toList())
                        .update()
                > 0;
    }

    private static Set<String> types(String list) {
        var types = new LinkedHashSet<String>();
        if (list != null) {
            Arrays.stream(list.split(","))
                    .map(String::strip)
                    .filter(t -> !t.isEmpty())
                    .forEach(types::add);
        }
        return types;
    }
}
