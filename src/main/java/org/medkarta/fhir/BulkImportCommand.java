package org.medkarta.fhir;

import java.io.PrintStream;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.medkarta.fhir.BulkImportJob.State;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The bulk import command (issue 15): {@code java -jar medkarta.jar --fhir-import=<folder>
 * --fhir-import-clinic=<clinic id> --fhir-import-as=<staff e-mail>} imports a folder of Bundle JSON
 * files or an NDJSON set for the clinic as its registrar or administrator, prints a progress line
 * every few seconds and exits with 0 when the job is done, 1 when it failed or was refused. Run again
 * on the same folder, it continues the job where it stopped.
 */
@Component
class BulkImportCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BulkImportCommand.class);

    private final BulkImport bulkImport;
    private final ConfigurableApplicationContext context;

    BulkImportCommand(BulkImport bulkImport, ConfigurableApplicationContext context) {
        this.bulkImport = bulkImport;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (!arguments.containsOption("fhir-import")) {
            return;
        }
        int code = run(
                first(arguments.getOptionValues("fhir-import")),
                first(arguments.getOptionValues("fhir-import-clinic")),
                first(arguments.getOptionValues("fhir-import-as")),
                System.out,
                2_000);
        System.exit(SpringApplication.exit(context, () -> code));
    }

    /**
     * Runs (or continues) the import and waits for it, printing progress every {@code everyMillis}.
     *
     * @return 0 when the job is done, 1 otherwise
     */
    int run(String folder, String clinic, String email, PrintStream out, long everyMillis) {
        if (folder == null || folder.isBlank() || clinic == null || email == null) {
            return refused(
                    out,
                    "usage: --fhir-import=<folder> --fhir-import-clinic=<clinic id> --fhir-import-as=<staff e-mail>");
        }
        BulkImportJob job;
        try {
            job = bulkImport.importFolder(
                    email.strip(), ClinicId.of(clinic.strip()), Path.of(folder), Locale.forLanguageTag("ru"));
        } catch (IllegalArgumentException | DomainException refused) {
            return refused(out, refused.getMessage());
        }
        int resourcesBefore = job.resources();
        long started = System.nanoTime();
        out.println("fhir-import: job " + job.id() + (job.unitsDone() > 0 ? " continues" : " started") + " for "
                + job.source());
        while (true) {
            try {
                Thread.sleep(everyMillis);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
                return 1;
            }
            // The worker leaves the job's state final before it stops working on it.
            boolean ended = !bulkImport.activeHere(job.id());
            job = bulkImport.progress(job.id());
            double seconds = Math.max(0.001, (System.nanoTime() - started) / 1e9);
            out.println(line(job, (job.resources() - resourcesBefore) / seconds));
            if (ended) {
                break;
            }
        }
        job.refusals()
                .forEach(refusal -> out.println("fhir-import: refused " + refusal.unit() + ": " + refusal.reason()));
        String end = "fhir-import: " + job.state() + (job.error() == null ? "" : " — " + job.error());
        log.info(end);
        out.println(end);
        return job.state() == State.DONE ? 0 : 1;
    }

    static String line(BulkImportJob job, double perSecond) {
        var numbers = NumberFormat.getIntegerInstance(Locale.US);
        String units = job.unitKind() == BulkImportJob.UnitKind.PATIENT ? "patients" : "files";
        return "fhir-import: " + numbers.format(job.unitsDone()) + "/"
                + (job.unitsTotal() == null ? "?" : numbers.format(job.unitsTotal())) + " " + units + ", "
                + numbers.format(job.resources()) + " resources (created " + numbers.format(job.created())
                + ", matched " + numbers.format(job.matched()) + ", duplicates " + numbers.format(job.duplicates())
                + ", kept " + numbers.format(job.kept()) + ", refused " + numbers.format(job.refused()) + ", warnings "
                + numbers.format(job.warnings()) + "), " + numbers.format(Math.round(perSecond)) + " resources/s";
    }

    private static int refused(PrintStream out, String message) {
        log.info("fhir-import refused: {}", message);
        out.println("fhir-import refused: " + message);
        return 1;
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
