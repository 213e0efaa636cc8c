package org.medkarta.record;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code medkarta.record.extracts.*}: how extracts are produced in the background (SPEC E10).
 *
 * @param lease how long a worker holds a job without reporting progress; a job whose lease ran out
 *     (its node died) is taken over by any node
 * @param poll how often each node looks for due jobs (a new order starts at once on its own node)
 * @param maxAttempts how many times a job is started before it is given up as interrupted
 */
@ConfigurationProperties("medkarta.record.extracts")
record ExtractProperties(
        @DefaultValue("2m") Duration lease,
        @DefaultValue("15s") Duration poll,
        @DefaultValue("3") int maxAttempts) {}
