package org.medkarta.record;

import java.time.Instant;
import java.util.List;
import org.medkarta.shared.PatientId;

/**
 * One page of the results of the records the access decisions opened, as {@link RecordQuery} asked,
 * with how many there are in all.
 *
 * @param total every result that matches, on every page: only of the records the decisions opened
 */
public record RecordResults(List<Item> items, int total) {

    /**
     * One result: exactly one of {@code entry}, {@code reading} and {@code upload}.
     *
     * @param patient whose record holds it
     * @param filedAt when it entered the record
     * @param updatedAt when it last changed
     * @param downloadable whether the decision that opened its record also lets the reader download
     *     the record's files (a grantee with {@code VIEW} only may not: the REST API refuses them)
     */
    public record Item(
            PatientId patient,
            EntryDetail entry,
            Reading reading,
            UploadView upload,
            Instant filedAt,
            Instant updatedAt,
            boolean downloadable) {}
}
