package org.medkarta.terminology;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The import command: {@code java -jar medkarta.jar --import-icd10=<file>} (or {@code
 * --import-icd10} alone for the newest file in {@code medkarta.terminology.icd10-directory}) loads
 * the ministry's ICD-10 file, prints what it did and exits with 0, or 1 when the file is refused.
 */
@Component
class TerminologyCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(TerminologyCommand.class);

    private final Terminology terminology;
    private final ConfigurableApplicationContext context;

    TerminologyCommand(Terminology terminology, ConfigurableApplicationContext context) {
        this.terminology = terminology;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (!arguments.containsOption("import-icd10")) {
            return;
        }
        int code = run(arguments.getOptionValues("import-icd10"));
        System.exit(SpringApplication.exit(context, () -> code));
    }

    int run(java.util.List<String> values) {
        String message;
        int code;
        try {
            Path file = values == null || values.isEmpty() || values.get(0).isBlank()
                    ? terminology
                            .icd10File()
                            .orElseThrow(
                                    () -> new IllegalArgumentException("no ICD-10 file in the configured directory"))
                    : Path.of(values.get(0));
            var result = terminology.importIcd10(file);
            message = result.unchanged()
                    ? "ICD-10 " + result.version() + " already imported: " + result.entries()
                            + " entries, nothing changed"
                    : "ICD-10 " + result.version() + " imported: " + result.entries() + " entries";
            code = 0;
        } catch (RuntimeException refused) {
            message = "ICD-10 import refused: " + refused.getMessage()
                    + (refused instanceof org.medkarta.shared.InvalidInput invalid
                            ? " " + invalid.errors().get(0).messageCode() + " "
                                    + invalid.errors().get(0).arguments()
                            : "");
            code = 1;
        }
        log.info(message);
        System.out.println(message);
        return code;
    }
}
