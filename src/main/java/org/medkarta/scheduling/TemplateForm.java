package org.medkarta.scheduling;

import java.util.List;

/**
 * A schedule template as typed (SPEC C1, seed 004): dates {@code 2026-12-01}, times {@code 09:00},
 * weekdays as {@code MONDAY}, {@code MON} or {@code 1}..{@code 7}, breaks as {@code 13:00-14:00}.
 */
public record TemplateForm(
        String name,
        String validFrom,
        String validTo,
        List<String> weekdays,
        String firstStart,
        String lastStart,
        Integer slotMinutes,
        List<String> breaks,
        List<String> serviceIds) {}
