package org.medkarta.record;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One diary reading.
 *
 * @param value2 the diastolic pressure for blood pressure, else null
 * @param name the name of a custom measure, else empty
 */
public record Reading(
        UUID id,
        Measure measure,
        String name,
        BigDecimal value,
        BigDecimal value2,
        String unit,
        Instant measuredAt,
        String note) {}
