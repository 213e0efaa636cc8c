package org.medkarta.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import jakarta.annotation.PreDestroy;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.medkarta.clinic.ClinicAdministrators;
import org.medkarta.clinic.ClinicCard;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.fhir.BulkImportJob.State;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.AccountView;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Bulk import for a clinic that moves to Medkarta (issue 15): a folder of Bundle JSON files or an
 * NDJSON set (FHIR Bulk Data format), from the {@code --fhir-import} command or uploaded on the
 * clinic's page, imported by {@link FhirImport} one unit (a file, or a patient's resources) at a
 * time on a worker thread, as the registrar or administrator of the clinic who started it.
 *
 * <p>Each unit done is recorded with its counts, so a job that a crash or a stop interrupted is
 * continued where it stopped ({@link #resume}, or the command run again on the same folder); the
 * unit that was in flight is imported again, which adds nothing twice because the import is
 * idempotent. Uploaded sets are kept under {@code medkarta.fhir.bulk-import.directory} until their job
 * is done or cancelled. Only staff of the clinic see its jobs; anyone else is answered {@link
 * NotFound}.
 */
@Component
public class BulkImport {

    private static final Logger log = LoggerFactory.getLogger(BulkImport.class);

    /** The name under which the lines of an NDJSON set that no patient holds are counted. */
    static final String STRAYS = "(no patient)";

    private static final int JOBS_LISTED = 50;

    /** A file as uploaded: its name and content. */
    public record Upload(String fileName, byte[] content) {}

    private final BulkImportJobs jobs;
    private final FhirImport importer;
    private final FhirContext fhir;
    private final AccountDirectory identity;
    private final ClinicCatalogue clinics;
    private final ClinicAdministrators clinicAdministrators;
    private final MessageSource messages;
    private final BulkImportProperties properties;
    private final Clock clock;
    private final ExecutorService worker;
    private final Set<UUID> active = ConcurrentHashMap.newKeySet();

    BulkImport(
            BulkImportJobs jobs,
            FhirImport importer,
            FhirContext fhir,
            AccountDirectory identity,
            ClinicCatalogue clinics,
            ClinicAdministrators clinicAdministrators,
            MessageSource messages,
            BulkImportProperties properties,
            Clock clock) {
        this.jobs = jobs;
        this.importer = importer;
        this.fhir = fhir;
        this.identity = identity;
        this.clinics = clinics;
        this.clinicAdministrators = clinicAdministrators;
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

    /** The clinic whose import page this is. @throws NotFound unless {@code user} is its registrar or administrator */
    public ClinicCard clinic(SignedInUser user, ClinicId clinic) {
        staff(user == null ? null : user.userId(), clinic);
        return clinics.card(clinic);
    }

    /** The clinic's time zone, in which its pages show times. */
    public java.time.ZoneId timezone(ClinicId clinic) {
        return clinics.timezone(clinic);
    }

    /** The clinic's jobs, newest first. @throws NotFound unless {@code user} is staff of the clinic */
    public List<BulkImportJob> jobs(SignedInUser user, ClinicId clinic) {
        staff(user == null ? null : user.userId(), clinic);
        return jobs.ofClinic(clinic, JOBS_LISTED);
    }

    /** One job with its first refusals. @throws NotFound unless it is a job of the clinic and {@code user} its staff */
    public BulkImportJob job(SignedInUser user, ClinicId clinic, UUID id) {
        staff(user == null ? null : user.userId(), clinic);
        return jobs.find(id, properties.refusalsKept())
                .filter(job -> job.clinic().equals(clinic))
                .orElseThrow(NotFound::new);
    }

    /** Whether the job is being worked on by this node now (else a RUNNING one was interrupted). */
    public boolean activeHere(UUID id) {
        return active.contains(id);
    }

    /**
     * Starts importing uploaded files: NDJSON files named {@code <Type>.ndjson}, or one zip of Bundle
     * JSON files (or of an NDJSON set).
     *
     * @throws InvalidInput on {@code files}: nothing uploaded, too large, not a set this imports
     * @throws NotFound unless {@code user} is staff of the clinic
     */
    public BulkImportJob upload(SignedInUser user, ClinicId clinic, List<Upload> files, Locale locale) {
        staff(user == null ? null : user.userId(), clinic);
        var uploads = files.stream()
                .filter(file -> file.content() != null && file.content().length > 0)
                .toList();
        if (uploads.isEmpty()) {
            throw new InvalidInput("files", "fhir.bulk.error.none");
        }
        long total = uploads.stream().mapToLong(file -> file.content().length).sum();
        if (total > properties.maxUpload().toBytes()) {
            throw new InvalidInput(
                    "files", "fhir.bulk.error.too-large", properties.maxUpload().toMegabytes());
        }
        var zips = uploads.stream().filter(BulkImport::isZip).toList();
        if (!zips.isEmpty() && uploads.size() > 1) {
            throw new InvalidInput("files", "fhir.bulk.error.one-zip");
        }
        for (var file : uploads) {
            if (!isZip(file) && !ndjsonName(file.fileName())) {
                throw new InvalidInput("files", "fhir.bulk.error.name", name(file.fileName()));
            }
        }
        UUID folderId = UUID.randomUUID();
        Path folder = properties.directory().resolve(folderId.toString()).toAbsolutePath();
        try {
            Files.createDirectories(folder);
            if (!zips.isEmpty()) {
                unzip(zips.get(0), folder);
            } else {
                for (var file : uploads) {
                    Files.write(folder.resolve(name(file.fileName())), file.content());
                }
            }
        } catch (IOException unwritable) {
            delete(folder);
            throw new UncheckedIOException(unwritable);
        } catch (InvalidInput refused) {
            delete(folder);
            throw refused;
        }
        String source = String.join(
                ", ", uploads.stream().map(file -> name(file.fileName())).toList());
        var id = jobs.create(clinic, user.userId(), source, folder.toString(), true, tag(locale), clock.instant());
        submit(id);
        return jobs.find(id, properties.refusalsKept()).orElseThrow();
    }

    /**
     * Imports a folder on this machine (the {@code --fhir-import} command) as the staff member with
     * {@code email}: continues the clinic's unfinished job for the same folder, or starts one.
     *
     * @throws IllegalArgumentException when the folder or the staff member is not there
     */
    BulkImportJob importFolder(String email, ClinicId clinic, Path folder, Locale locale) {
        AccountView account = identity.staffAccount(email)
                .orElseThrow(() -> new IllegalArgumentException("no active staff account with e-mail " + email));
        try {
            staff(account.userId(), clinic);
        } catch (NotFound notStaff) {
            throw new IllegalArgumentException(
                    email + " is not a registrar or administrator of clinic " + clinic.value());
        }
        Path absolute = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            throw new IllegalArgumentException("not a folder: " + absolute);
        }
        var id = jobs.unfinished(clinic, absolute.toString())
                .filter(found -> !active.contains(found))
                .orElseGet(() -> jobs.create(
                        clinic,
                        account.userId(),
                        absolute.toString(),
                        absolute.toString(),
                        false,
                        tag(locale),
                        clock.instant()));
        submit(id);
        return jobs.find(id, properties.refusalsKept()).orElseThrow();
    }

    /** A job as it stands, for the command's progress line. */
    BulkImportJob progress(UUID id) {
        return jobs.find(id, properties.refusalsKept()).orElseThrow(NotFound::new);
    }

    /**
     * Continues a job that failed or that a stop interrupted, skipping the units it has done.
     *
     * @throws NotFound unless it is a job of the clinic that may be continued, and {@code user} its staff
     */
    public BulkImportJob resume(SignedInUser user, ClinicId clinic, UUID id) {
        var job = job(user, clinic, id);
        if (!job.resumable(active.contains(id))) {
            throw new NotFound();
        }
        submit(id);
        return job(user, clinic, id);
    }

    /**
     * Cancels a running or failed job: the units done stay imported, the rest is not; an uploaded set
     * is removed.
     *
     * @throws NotFound unless it is a job of the clinic and {@code user} its staff
     */
    public BulkImportJob cancel(SignedInUser user, ClinicId clinic, UUID id) {
        job(user, clinic, id);
        if (jobs.cancel(id, clock.instant()) && !active.contains(id)) {
            removeUpload(id);
        }
        return job(user, clinic, id);
    }

    // ---------------------------------------------------------------------------------------------

    private void submit(UUID id) {
        if (active.add(id)) {
            worker.submit(() -> run(id));
        }
    }

    private void run(UUID id) {
        try {
            var work = jobs.work(id).orElseThrow();
            var locale = Locale.forLanguageTag(work.locale());
            var actor = actor(work.startedBy(), work.clinic());
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

    /**
     * The staff member the job runs as, with only their roles in the job's clinic (so that a record
     * the import creates is registered by that clinic); null once they no longer work there.
     */
    private SignedInUser actor(UserId user, ClinicId clinic) {
        return identity.account(user)
                .filter(account -> isStaff(account, clinic))
                .map(account -> new SignedInUser(
                        account.userId(),
                        account.firstName() + " " + account.lastName(),
                        null,
                        account.roles().stream()
                                .filter(grant -> grant.role() == Role.REGISTRAR || grant.role() == Role.CLINIC_ADMIN)
                                .filter(grant ->
                                        grant.clinic() == null || grant.clinic().equals(clinic))
                                .toList(),
                        "FHIR_BULK_IMPORT"))
                .orElse(null);
    }

    private void staff(UserId user, ClinicId clinic) {
        if (user == null
                || clinic == null
                || identity.account(user)
                        .filter(account -> isStaff(account, clinic))
                        .isEmpty()) {
            throw new NotFound();
        }
    }

    /** A registrar of the clinic, or one of its administrators. */
    private boolean isStaff(AccountView account, ClinicId clinic) {
        boolean registrar = account.roles().stream()
                .anyMatch(grant -> grant.role() == Role.REGISTRAR && clinic.equals(grant.clinic()));
        if (registrar) {
            return true;
        }
        return account.roles().stream().anyMatch(grant -> grant.role() == Role.CLINIC_ADMIN)
                && clinicAdministrators.administers(
                        new SignedInUser(
                                account.userId(),
                                account.firstName(),
                                null,
                                List.of(new RoleGrant(Role.CLINIC_ADMIN, null)),
                                "FHIR_BULK_IMPORT"),
                        clinic);
    }

    private String say(Locale locale, String key, Object... args) {
        return messages.getMessage("fhir.bulk." + key, args, key, locale);
    }

    private void unzip(Upload zip, Path folder) throws IOException {
        long limit = properties.maxUnpacked().toBytes();
        long unpacked = 0;
        int files = 0;
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip.content()))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                String name = name(entry.getName());
                if (entry.isDirectory()
                        || entry.getName().contains("__MACOSX")
                        || name.startsWith(".")
                        || !(name.toLowerCase(Locale.ROOT).endsWith(".json") || ndjsonName(name))) {
                    continue;
                }
                // The name without its folders, so that no entry writes outside the job's folder.
                Path target = folder.resolve(name);
                if (Files.exists(target)) {
                    throw new InvalidInput("files", "fhir.bulk.error.zip-twice", name);
                }
                try (OutputStream out = Files.newOutputStream(target)) {
                    unpacked += copy(in, out, limit - unpacked);
                }
                if (unpacked > limit) {
                    throw new InvalidInput(
                            "files",
                            "fhir.bulk.error.zip-too-large",
                            properties.maxUnpacked().toMegabytes());
                }
                files++;
            }
        } catch (ZipException broken) {
            throw new InvalidInput("files", "fhir.bulk.error.zip-broken");
        }
        if (files == 0) {
            throw new InvalidInput("files", "fhir.bulk.error.zip-empty");
        }
    }

    /** Copies at most {@code room} + 1 bytes: one more says the limit is passed. */
    private static long copy(InputStream in, OutputStream out, long room) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        int read;
        while ((read = in.read(buffer)) > 0) {
            out.write(buffer, 0, read);
            copied += read;
            if (copied > room) {
                break;
            }
        }
        return copied;
    }

    private void removeUpload(UUID id) {
        jobs.work(id).filter(BulkImportJobs.Work::uploaded).ifPresent(work -> delete(Path.of(work.folder())));
    }

    private static void delete(Path folder) {
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

    private boolean ndjsonName(String fileName) {
        String name = name(fileName);
        return name.endsWith(".ndjson")
                && fhir.getResourceTypes().contains(name.substring(0, name.length() - ".ndjson".length()));
    }

    private static boolean isZip(Upload file) {
        byte[] content = file.content();
        return content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    private static String name(String fileName) {
        if (fileName == null) {
            return "";
        }
        String name = fileName.replace('\\', '/');
        return name.substring(name.lastIndexOf('/') + 1);
    }

    private static String tag(Locale locale) {
        return (locale == null ? Locale.forLanguageTag("ru") : locale).toLanguageTag();
    }
}
