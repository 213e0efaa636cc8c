package org.medkarta.record;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A doctor's thresholds for one measure of one patient. */
public record Threshold(
        UUID id,
        Measure measure,
        String name,
        BigDecimal low,
        BigDecimal high,
        BigDecimal low2,
        BigDecimal high2,
        String doctorName,
        Instant setAt) {}
