package org.medkarta.record;

import java.time.LocalDate;

/**
 * Which entries to list: a type or all, and a date range (both ends included), each optional; and
 * which page of them: at most {@code limit}, after the entry {@code after} names (null: the first).
 */
public record RecordFilter(EntryType type, LocalDate from, LocalDate to, EntryCursor after, int limit) {

    /** Entries a page lists when the reader does not say: a screenful, and a bounded response. */
    public static final int DEFAULT_LIMIT = 100;

    /** The most one page lists. */
    public static final int MAX_LIMIT = 500;

    public RecordFilter {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit out of range: " + limit);
        }
    }

    public RecordFilter(EntryType type, LocalDate from, LocalDate to) {
        this(type, from, to, null, DEFAULT_LIMIT);
    }

    public static RecordFilter all() {
        return new RecordFilter(null, null, null);
    }
}
