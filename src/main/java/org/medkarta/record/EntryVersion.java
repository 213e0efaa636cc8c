package org.medkarta.record;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** One version of an entry: what it said, who wrote it, when and why. */
public record EntryVersion(
        int version,
        EntryStatus status,
        LocalDate date,
        String title,
        Map<String, String> fields,
        String reason,
        String authorName,
        Instant at) {}
