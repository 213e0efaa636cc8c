package org.medkarta.fhir;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code medkarta.fhir.bulk-import.*}.
 *
 * @param directory where uploaded sets are kept until their job is done or cancelled, so that a job
 *     interrupted by a stop can be continued
 * @param maxUpload the most the files of one upload may weigh together (a zip before unpacking); a
 *     larger set is imported from a folder with the {@code --fhir-import} command. Keep it under
 *     {@code spring.servlet.multipart.max-request-size} so the page can say so beside the field
 * @param maxUnpacked the most a zip may unpack to
 * @param refusalsKept how many refusals a job keeps to show (all are counted)
 */
@ConfigurationProperties("medkarta.fhir.bulk-import")
record BulkImportProperties(
        @DefaultValue("data/fhir-import") Path directory,
        @DefaultValue("20MB") DataSize maxUpload,
        @DefaultValue("500MB") DataSize maxUnpacked,
        @DefaultValue("200") int refusalsKept) {}
