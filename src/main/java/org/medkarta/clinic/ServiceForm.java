package org.medkarta.clinic;

import java.util.List;

/**
 * A service type as typed into the form or sent to the API (SPEC B4, B5). {@code format}, {@code
 * kind} and {@code visibility} are the names of {@link ServiceFormat}, {@link ServiceKind} and
 * {@link Visibility}; a blank visibility means {@link Visibility#REGION}, a null {@code active}
 * means active.
 */
public record ServiceForm(
        String name,
        String specialty,
        String format,
        String kind,
        Integer durationMinutes,
        Long priceKopecks,
        List<String> doctorIds,
        String visibility,
        Boolean active) {}
