package org.medkarta.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code medkarta.web.requests.*}: limits on request bodies other than file uploads (multipart
 * bodies have {@code spring.servlet.multipart.*}), so that a huge or slowly dribbled body cannot
 * hold a server thread or its memory.
 *
 * @param maxBodySize the largest JSON or other non-multipart body; above every raw upload of the
 *     modules (1 MB pictures), so those still answer with their own message
 * @param bodyTimeout how long reading one body may take in all, however steadily its bytes arrive
 *     (a slow-loris client sends a byte a second and never trips a socket read timeout)
 * @param maxImportSize the largest body under {@code /fhir}, where a Bundle carrying a patient's
 *     whole record from another system arrives (SPEC I3): years of a record run to tens of
 *     megabytes
 * @param importTimeout how long reading such a body may take
 */
@ConfigurationProperties("medkarta.web.requests")
record RequestLimitsProperties(
        @DefaultValue("2MB") DataSize maxBodySize,
        @DefaultValue("10s") Duration bodyTimeout,
        @DefaultValue("48MB") DataSize maxImportSize,
        @DefaultValue("120s") Duration importTimeout) {}
