package org.medkarta.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.springframework.stereotype.Component;

/**
 * Starting a bulk import from files uploaded on the clinic's page (issue 15): NDJSON files named
 * {@code <Type>.ndjson} (the FHIR Bulk Data format), or one zip of Bundle JSON files or of an NDJSON
 * set. The set is checked (names, size, what the zip holds, nothing written outside its folder) and
 * kept under {@code medkarta.fhir.bulk-import.directory} until its job is done or cancelled; the job
 * is then followed, continued or cancelled through {@link BulkImport}. Only the clinic's registrars
 * and administrators upload; anyone else is answered {@link NotFound}.
 */
@Component
public class BulkImportUploads {

    /** A file as uploaded: its name and content. */
    public record Upload(String fileName, byte[] content) {}

    private final BulkImportJobs jobs;
    private final BulkImportWorker worker;
    private final BulkImportStaff staff;
    private final FhirContext fhir;
    private final BulkImportProperties properties;
    private final Clock clock;

    BulkImportUploads(
            BulkImportJobs jobs,
            BulkImportWorker worker,
            BulkImportStaff staff,
            FhirContext fhir,
            BulkImportProperties properties,
            Clock clock) {
        this.jobs = jobs;
        this.worker = worker;
        this.staff = staff;
        this.fhir = fhir;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Starts importing uploaded files: NDJSON files named {@code <Type>.ndjson}, or one zip of Bundle
     * JSON files (or of an NDJSON set).
     *
     * @throws InvalidInput on {@code files}: nothing uploaded, too large, not a set this imports
     * @throws NotFound unless {@code user} is staff of the clinic
     */
    public BulkImportJob upload(SignedInUser user, ClinicId clinic, List<Upload> files, Locale locale) {
        staff.check(user == null ? null : user.userId(), clinic);
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
        var zips = uploads.stream().filter(BulkImportUploads::isZip).toList();
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
            BulkImportWorker.delete(folder);
            throw new UncheckedIOException(unwritable);
        } catch (InvalidInput refused) {
            BulkImportWorker.delete(folder);
            throw refused;
        }
        String source = String.join(
                ", ", uploads.stream().map(file -> name(file.fileName())).toList());
        var id = jobs.create(
                clinic, user.userId(), source, folder.toString(), true, BulkImportWorker.tag(locale), clock.instant());
        worker.submit(id);
        return jobs.find(id, properties.refusalsKept()).orElseThrow();
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
}
