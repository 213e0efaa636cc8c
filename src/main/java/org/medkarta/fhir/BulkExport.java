package org.medkarta.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Resource;
import org.medkarta.access.ClinicPatients;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * FHIR Bulk Data export (issue 15; Bulk Data Access IG v2) of the records a clinic cares for, for its
 * administrator: a job is accepted in the request, then runs on a worker thread of its own, record
 * after record, each record opened through the access module (one audit entry per record exported)
 * and composed by {@link PatientEverything} as {@code $everything} composes it. Its NDJSON files are
 * kept in the database until the job is cancelled.
 *
 * <p>A job runs on the node that accepted it; one that a node's stop interrupted is not resumed (its
 * owner sees it running, cancels it and asks again).
 */
@Component
class BulkExport {

    private static final Logger log = LoggerFactory.getLogger(BulkExport.class);

    private final BulkExportJobs jobs;
    private final ClinicPatients access;
    private final PatientEverything everything;
    private final FhirContext fhir;
    private final BulkExportProperties properties;
    private final Clock clock;
    private final ExecutorService workers;

    BulkExport(
            BulkExportJobs jobs,
            ClinicPatients access,
            PatientEverything everything,
            FhirContext fhir,
            BulkExportProperties properties,
            Clock clock) {
        this.jobs = jobs;
        this.access = access;
        this.everything = everything;
        this.fhir = fhir;
        this.properties = properties;
        this.clock = clock;
        var number = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, properties.workers()), work -> {
            var thread = new Thread(work, "fhir-bulk-export-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Accepts an export of {@code clinic}'s records for {@code owner} and starts it in the background.
     *
     * @throws NotFound unless {@code owner} administers {@code clinic}
     */
    BulkExportJobs.Job start(UserId owner, ClinicId clinic, Set<String> types, Instant since, String request) {
        access.exportable(owner, clinic);
        var job = jobs.accept(owner, clinic, types, since, request, clock.instant());
        workers.submit(() -> run(job));
        return job;
    }

    private void run(BulkExportJobs.Job job) {
        try {
            var records = access.exportable(job.owner(), job.clinic());
            if (!jobs.start(job.id(), records.size())) {
                return;
            }
            var files = new LinkedHashMap<String, NdjsonFile>();
            var parser = fhir.newJsonParser().setPrettyPrint(false);
            for (var patient : records) {
                var decision = openOrSkip(job, patient);
                if (decision != null) {
                    for (Resource resource : everything.resources(decision, job.types(), job.since())) {
                        var file = files.computeIfAbsent(resource.fhirType(), NdjsonFile::new);
                        file.add(parser.encodeResourceToString(resource));
                        if (file.count == properties.resourcesPerFile()) {
                            file.flush(job.id());
                        }
                    }
                }
                if (!jobs.progressed(job.id())) {
                    jobs.removeFiles(job.id());
                    return;
                }
            }
            files.values().forEach(file -> file.flush(job.id()));
            if (!jobs.finish(job.id(), clock.instant())) {
                jobs.removeFiles(job.id());
            }
        } catch (NotFound refused) {
            jobs.fail(job.id(), "The clinic's records may no longer be exported by this user", clock.instant());
        } catch (RuntimeException failure) {
            log.error("FHIR bulk export {} failed", job.id(), failure);
            jobs.fail(job.id(), "The export failed; ask for it again", clock.instant());
        }
    }

    /** The record opened for the export, audited; null when the clinic stopped caring meanwhile. */
    private org.medkarta.access.AccessDecision openOrSkip(
            BulkExportJobs.Job job, org.medkarta.shared.PatientId patient) {
        try {
            return access.requireExport(job.owner(), job.clinic(), patient, "FHIR bulk export " + job.id());
        } catch (NotFound noLonger) {
            return null;
        }
    }

    /** Cancels the owner's job and removes its files; 404 for anyone else's or an unknown one. */
    void cancel(UserId owner, UUID id) {
        var job = owned(owner, id);
        if (!jobs.cancel(job.id(), clock.instant())) {
            throw new NotFound();
        }
    }

    /** The owner's job, unless cancelled; else {@link NotFound}. */
    BulkExportJobs.Job owned(UserId owner, UUID id) {
        return jobs.find(id)
                .filter(job -> job.owner().equals(owner))
                .filter(job -> job.status() != BulkExportJobs.Status.CANCELLED)
                .orElseThrow(NotFound::new);
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    /** The resources of one type not yet written, and how many parts of it were. */
    private final class NdjsonFile {
        private final String type;
        private final StringBuilder lines = new StringBuilder();
        private int count;
        private int part;

        NdjsonFile(String type) {
            this.type = type;
        }

        void add(String json) {
            lines.append(json).append('\n');
            count++;
        }

        void flush(UUID job) {
            if (count == 0) {
                return;
            }
            jobs.addFile(job, type, ++part, count, lines.toString());
            lines.setLength(0);
            count = 0;
        }
    }
}
