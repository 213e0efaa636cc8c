package org.medkarta.record;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One line of the record list.
 *
 * @param isNew the patient has not opened it yet
 * @param flag H, L or N for a laboratory result with a reference range, else null
 */
public record EntrySummary(
        UUID id, EntryType type, LocalDate date, String title, EntryStatus status, boolean isNew, String flag) {}
