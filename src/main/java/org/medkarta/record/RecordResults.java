package org.medkarta.record;

import java.time.Instant;
import java.util.List;

/**
 * One page of a record's results as {@link RecordQuery} asked, with how many there are in all.
 *
 * @param total every result that matches, on every page: only of the one record the decision opened
 * @param downloadable whether the decision that opened the record also lets its holder download the
 *     record's files (a grantee with {@code VIEW} only may not: the REST API refuses them the content)
 */
public record RecordResults(List<Item> items, int total, boolean downloadable) {

    /**
     * One result: exactly one of {@code entry}, {@code reading} and {@code upload}.
     *
     * @param filedAt when it entered the record
     * @param updatedAt when it last changed
     */
    public record Item(EntryDetail entry, Reading reading, UploadView upload, Instant filedAt, Instant updatedAt) {}
}
