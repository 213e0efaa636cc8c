package org.medkarta.record;

/**
 * A diary reading as typed. Blood pressure uses {@code systolic} and {@code diastolic}; every other
 * measure {@code value}; a custom measure also {@code name} and {@code unit}. {@code measuredAt} is
 * ISO-8601 with an offset, or a local date and time in Moscow time as a page sends it; blank means
 * now.
 */
public record DiaryForm(
        String measure,
        String systolic,
        String diastolic,
        String value,
        String name,
        String unit,
        String measuredAt,
        String note) {}
