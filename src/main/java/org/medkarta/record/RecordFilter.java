package org.medkarta.record;

import java.time.LocalDate;

/** Which entries to list: a type or all, and a date range (both ends included), each optional. */
public record RecordFilter(EntryType type, LocalDate from, LocalDate to) {

    public static RecordFilter all() {
        return new RecordFilter(null, null, null);
    }
}
