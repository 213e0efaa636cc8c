package org.medkarta.record;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * Which of a record's results to list, for a standard interface such as FHIR: entries of some
 * types, diary readings of some measures and uploads of some kinds, in one list ordered by date.
 * An empty set leaves that source out; a null filter does not filter.
 *
 * @param id one result by its id, or null for any
 * @param entryTypes the kinds of entry to list; empty: no entries
 * @param entryCodes an entry's code among these (a laboratory test, a study's modality), or null for any
 * @param entryStatuses an entry's status among these, or null for any; uploads count as {@code CURRENT}
 * @param measures the diary measures whose readings to list; empty: no readings
 * @param uploadKinds the kinds of upload to list; empty: no uploads
 * @param fromDay the first clinical day of an entry, or null
 * @param toDay the last clinical day of an entry, or null
 * @param from the earliest moment of a reading, an upload or (when {@code byFiling}) an entry's filing, or null
 * @param before the moment such a moment must come before (excluded), or null
 * @param byFiling an entry's date is when it was filed, not its clinical day
 * @param updatedFrom last changed at or after, or null
 * @param updatedBefore last changed before, or null
 * @param oldestFirst order by date ascending; newest first otherwise
 */
public record RecordQuery(
        UUID id,
        Set<EntryType> entryTypes,
        Set<String> entryCodes,
        Set<EntryStatus> entryStatuses,
        Set<Measure> measures,
        Set<UploadKind> uploadKinds,
        LocalDate fromDay,
        LocalDate toDay,
        Instant from,
        Instant before,
        boolean byFiling,
        Instant updatedFrom,
        Instant updatedBefore,
        boolean oldestFirst,
        int offset,
        int count) {

    /** The most one page lists. */
    public static final int MAX_COUNT = 500;

    public RecordQuery {
        entryTypes = Set.copyOf(entryTypes);
        entryCodes = entryCodes == null ? null : Set.copyOf(entryCodes);
        entryStatuses = entryStatuses == null ? null : Set.copyOf(entryStatuses);
        measures = Set.copyOf(measures);
        uploadKinds = Set.copyOf(uploadKinds);
        if (offset < 0 || count < 0 || count > MAX_COUNT) {
            throw new IllegalArgumentException("page out of range: " + offset + "+" + count);
        }
    }
}
