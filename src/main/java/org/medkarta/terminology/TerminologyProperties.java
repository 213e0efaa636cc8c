package org.medkarta.terminology;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code medkarta.terminology}.
 *
 * @param icd10Directory where the {@code --import-icd10} command looks for the
 *     ministry's ICD-10 file when none is named ({@code ../shared/data/mkb10} beside the project by
 *     default); the newest {@code 1.2.643.5.1.13.13.11.1005_*.csv} in it is used
 */
@ConfigurationProperties("medkarta.terminology")
public record TerminologyProperties(Path icd10Directory) {

    public TerminologyProperties {
        if (icd10Directory == null) {
            icd10Directory = Path.of("../shared/data/mkb10");
        }
    }
}
