package org.medkarta.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.medkarta.fhir.BulkImportJob.State;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The worker thread of the bulk import (issue 15): runs one job at a time on this node, imports its
 * units by {@link FhirImport} one after another as the staff member who started it, skipping the
 * units done, and records each unit with its counts and refusals, so that a job a crash or a stop
 * interrupted is continued where it stopped. The lines of an NDJSON set that no patient holds are
 * recorded as one unit of their own, {@value #STRAYS}.
 */
@Component
class BulkImportWorker {

    private static final Logger log = LoggerFactory.getLogger(BulkImportWorker.class);

    /** The name under which the lines of an NDJSON set that no patient holds are counted. */
    static final String STRAYS = "(no patient)";

    private final BulkImportJobs jobs;
    private final FhirImport importer;
    private final FhirContext fhir;
    private final BulkImportStaff staff;
    private final MessageSource messages;
    private final BulkImportProperties properties;
    private final Clock clock;
    private final ExecutorService worker;
    private final Set<UUID> active = ConcurrentHashMap.newKeySet();

    BulkImportWorker(
            BulkImportJobs jobs,
            FhirImport importer,
            FhirContext fhir,
            BulkImportStaff staff,
            MessageSource messages,
            BulkImportProperties properties,
            Clock clock) {
        this.jobs = jobs;
        this.importer = importer;
        this.fhir = fhir;
        this.staff = staff;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
        var number = new AtomicInteger();
        // One job at a time on a node: each import is a database-bound stream of transactions already.
        this.worker = Executors.newSingleThreadExecutor(work -> {
            var thread = new Thread(work, "fhir-bulk-import-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** Whether the job is being worked on by this node now (else a RUNNING one was interrupted). */
    boolean active(UUID id) {
        return active.contains(id);
    }

    /** Queues the job for the worker, unless it is queued or running here already. */
    void submit(UUID id) {
        if (active.add(id)) {
            worker.submit(() -> run(id));
        }
    }

    private void run(UUID id) {
        try {
            var work = jobs.work(id).orElseThrow();
            var locale = Locale.forLanguageTag(work.locale());
            var actor = staff.actor(work.startedBy(), work.clinic());
            if (actor == null) {
                jobs.fail(id, say(locale, "not-staff"), clock.instant());
                return;
            }
            var read = BulkImportSource.read(Path.of(work.folder()), fhir);
            if (!jobs.run(id, read.kind().name(), read.units().size(), clock.instant())) {
                return;
            }
            var done = jobs.unitsDone(id);
            if (!read.strays().isEmpty() && !done.contains(STRAYS)) {
                var reasons = read.strays().stream()
                        .map(stray -> stray.where() + ": "
                                + say(locale, stray.key(), stray.detail() == null ? "" : stray.detail()))
                        .toList();
                jobs.unitDone(
                        id,
                        STRAYS,
                        new FhirImport.Report(0, 0, 0, 0, reasons.size(), 0),
                        reasons,
                        false,
                        properties.refusalsKept(),
                        clock.instant());
            }
            for (var unit : read.units()) {
                if (done.contains(unit.name())) {
                    continue;
                }
                if (Thread.currentThread().isInterrupted() || jobs.state(id).orElse(null) != State.RUNNING) {
                    return;
                }
                importUnit(id, unit, actor, locale);
            }
            if (jobs.finish(id, clock.instant())) {
                log.info("FHIR bulk import {} done", id);
            }
        } catch (RuntimeException failure) {
            log.warn("FHIR bulk import {} failed; it can be continued", id, failure);
            jobs.fail(
                    id,
                    failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage(),
                    clock.instant());
        } finally {
            active.remove(id);
            jobs.state(id)
                    .filter(state -> state == State.DONE || state == State.CANCELLED)
                    .ifPresent(ended -> removeUpload(id));
        }
    }

    private void importUnit(UUID id, BulkImportSource.Unit unit, SignedInUser actor, Locale locale) {
        FhirImport.Report report;
        var refusals = new ArrayList<String>();
        Bundle bundle = null;
        try {
            bundle = unit.loader().load();
            var imported = importer.run(bundle, actor, null, locale);
            report = imported.report();
            var entries = imported.bundle().getEntry();
            for (int i = 0; i < entries.size(); i++) {
                var outcome = entries.get(i).getResponse().getOutcome();
                if (outcome instanceof OperationOutcome issues) {
                    errors(issues, refusals);
                }
            }
        } catch (DataFormatException malformed) {
            report = new FhirImport.Report(0, 0, 0, 0, 1, 0);
            refusals.add(say(locale, "malformed", malformed.getMessage()));
        } catch (BaseServerResponseException refused) {
            // The whole unit refused (a transaction with a refused entry, a Bundle of the wrong type or
            // size): none of its resources was imported.
            report = new FhirImport.Report(
                    0,
                    0,
                    0,
                    0,
                    Math.max(1, bundle == null ? 1 : bundle.getEntry().size()),
                    0);
            if (refused.getOperationOutcome() instanceof OperationOutcome issues) {
                errors(issues, refusals);
            }
            if (refusals.isEmpty()) {
                refusals.add(refused.getMessage());
            }
        } catch (DomainException refused) {
            report = new FhirImport.Report(
                    0,
                    0,
                    0,
                    0,
                    Math.max(1, bundle == null ? 1 : bundle.getEntry().size()),
                    0);
            refusals.add(messages.getMessage(
                    refused.messageCode(), refused.messageArguments(), refused.messageCode(), locale));
        }
        jobs.unitDone(id, unit.name(), report, refusals, true, properties.refusalsKept(), clock.instant());
    }

    private static void errors(OperationOutcome outcome, List<String> into) {
        for (var issue : outcome.getIssue()) {
            if (issue.getSeverity() == IssueSeverity.ERROR || issue.getSeverity() == IssueSeverity.FATAL) {
                String where = issue.getExpression().isEmpty()
                        ? ""
                        : " (" + issue.getExpression().get(0).getValue() + ")";
                into.add(issue.getDiagnostics() + where);
            }
        }
    }

    private String say(Locale locale, String key, Object... args) {
        return messages.getMessage("fhir.bulk." + key, args, key, locale);
    }

    /** Removes the folder of an uploaded set, once its job is done or cancelled. */
    void removeUpload(UUID id) {
        jobs.work(id).filter(BulkImportJobs.Work::uploaded).ifPresent(work -> delete(Path.of(work.folder())));
    }

    /** Removes a folder with everything in it; what cannot be removed is logged and left. */
    static void delete(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException kept) {
                    log.warn("Could not remove {}", path);
                }
            });
        } catch (IOException kept) {
            log.warn("Could not remove {}", folder);
        }
    }

    /** The language a job tells its refusals in, as kept with the job. */
    static String tag(Locale locale) {
        return (locale == null ? Locale.forLanguageTag("ru") : locale).toLanguageTag();
    }
}
