package org.medkarta.fhir;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code medkarta.fhir.bulk.*}.
 *
 * @param resourcesPerFile the most resources one NDJSON file of an export holds; a type with more is
 *     split into several files, each listed in the manifest
 * @param workers how many exports run at once on a node, each on a thread of its own
 */
@ConfigurationProperties("medkarta.fhir.bulk")
record BulkExportProperties(
        @DefaultValue("1000") int resourcesPerFile,
        @DefaultValue("1") int workers) {}
