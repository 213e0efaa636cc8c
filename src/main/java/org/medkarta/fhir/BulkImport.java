package org.medkarta.fhir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.medkarta.clinic.ClinicCard;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.AccountView;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.NotFound;
import org.springframework.stereotype.Component;

/**
 * Bulk import for a clinic that moves to Medkarta (issue 15): following a clinic's import jobs,
 * continuing and cancelling them, and the {@code --fhir-import} command's folder. A job imports a
 * folder of Bundle JSON files or an NDJSON set (FHIR Bulk Data format) by {@link FhirImport} one unit
 * (a file, or a patient's resources) at a time on a worker thread, as the registrar or administrator
 * of the clinic who started it; sets uploaded on the clinic's page start through {@link
 * BulkImportUploads}.
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

    private static final int JOBS_LISTED = 50;

    private final BulkImportJobs jobs;
    private final BulkImportWorker worker;
    private final BulkImportStaff staff;
    private final AccountDirectory identity;
    private final ClinicCatalogue clinics;
    private final BulkImportProperties properties;
    private final Clock clock;

    BulkImport(
            BulkImportJobs jobs,
            BulkImportWorker worker,
            BulkImportStaff staff,
            AccountDirectory identity,
            ClinicCatalogue clinics,
            BulkImportProperties properties,
            Clock clock) {
        this.jobs = jobs;
        this.worker = worker;
        this.staff = staff;
        this.identity = identity;
        this.clinics = clinics;
        this.properties = properties;
        this.clock = clock;
    }

    /** The clinic whose import page this is. @throws NotFound unless {@code user} is its registrar or administrator */
    public ClinicCard clinic(SignedInUser user, ClinicId clinic) {
        staff.check(user == null ? null : user.userId(), clinic);
        return clinics.card(clinic);
    }

    /** The clinic's time zone, in which its pages show times. */
    public java.time.ZoneId timezone(ClinicId clinic) {
        return clinics.timezone(clinic);
    }

    /** The clinic's jobs, newest first. @throws NotFound unless {@code user} is staff of the clinic */
    public List<BulkImportJob> jobs(SignedInUser user, ClinicId clinic) {
        staff.check(user == null ? null : user.userId(), clinic);
        return jobs.ofClinic(clinic, JOBS_LISTED);
    }

    /** One job with its first refusals. @throws NotFound unless it is a job of the clinic and {@code user} its staff */
    public BulkImportJob job(SignedInUser user, ClinicId clinic, UUID id) {
        staff.check(user == null ? null : user.userId(), clinic);
        return jobs.find(id, properties.refusalsKept())
                .filter(job -> job.clinic().equals(clinic))
                .orElseThrow(NotFound::new);
    }

    /** Whether the job is being worked on by this node now (else a RUNNING one was interrupted). */
    public boolean activeHere(UUID id) {
        return worker.active(id);
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
            staff.check(account.userId(), clinic);
        } catch (NotFound notStaff) {
            throw new IllegalArgumentException(
                    email + " is not a registrar or administrator of clinic " + clinic.value());
        }
        Path absolute = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            throw new IllegalArgumentException("not a folder: " + absolute);
        }
        var id = jobs.unfinished(clinic, absolute.toString())
                .filter(found -> !worker.active(found))
                .orElseGet(() -> jobs.create(
                        clinic,
                        account.userId(),
                        absolute.toString(),
                        absolute.toString(),
                        false,
                        BulkImportWorker.tag(locale),
                        clock.instant()));
        worker.submit(id);
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
        if (!job.resumable(worker.active(id))) {
            throw new NotFound();
        }
        worker.submit(id);
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
        if (jobs.cancel(id, clock.instant()) && !worker.active(id)) {
            worker.removeUpload(id);
        }
        return job(user, clinic, id);
    }
}
