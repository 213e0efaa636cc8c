package org.medkarta.fhir;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.medkarta.access.AccessDecision;
import org.medkarta.record.EntryCursor;
import org.medkarta.record.EntrySummary;
import org.medkarta.record.EntryType;
import org.medkarta.record.RecordFilter;
import org.medkarta.record.RecordReading;

/**
 * Record entries of some types across the records a search covers, for the resources the record
 * module's entries become (Encounter, Condition, Procedure, AllergyIntolerance): listed through
 * {@link RecordReading#record} with the decisions {@link PatientScope} took (so each reader sees what
 * the record shows them: the patient account by order 003's Appendix 1, a clinician the whole record),
 * newest first; only the entries of the page asked for are opened.
 */
final class RecordEntrySearch {

    /** One entry a search found, with the decision that let the reader see it. */
    record Found(AccessDecision decision, EntrySummary entry) {}

    private static final Comparator<Found> NEWEST_FIRST = Comparator.comparing(
                    (Found found) -> found.entry().date(), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(found -> found.entry().id());

    private RecordEntrySearch() {}

    /** The entries of {@code types} whose date lies in {@code dates} in every record of {@code decisions}. */
    static List<Found> list(
            RecordReading record, List<AccessDecision> decisions, Set<EntryType> types, PatientScope.Range dates) {
        var found = new ArrayList<Found>();
        if (dates.isEmpty()) {
            return found;
        }
        for (var decision : decisions) {
            for (var type : types) {
                EntryCursor after = null;
                do {
                    var page = record.record(
                            decision,
                            new RecordFilter(type, dates.fromDay(), dates.toDay(), after, RecordFilter.MAX_LIMIT));
                    page.entries().stream()
                            .filter(entry -> dates.contains(entry.date()))
                            .forEach(entry -> found.add(new Found(decision, entry)));
                    after = page.next();
                } while (after != null);
            }
        }
        found.sort(NEWEST_FIRST);
        return found;
    }

    /** One page of {@code all}, with the whole count: only the page's entries are opened ({@code open}). */
    static IBundleProvider page(
            List<Found> all, Integer offset, Integer count, Function<Found, ? extends IBaseResource> open) {
        int from = Math.min(Pages.offset(offset), all.size());
        int to = Math.min(from + Pages.size(count), all.size());
        var resources = new ArrayList<IBaseResource>();
        for (var found : all.subList(from, to)) {
            resources.add(open.apply(found));
        }
        var page = new SimpleBundleProvider(resources);
        page.setSize(all.size());
        page.setCurrentPageOffset(from);
        page.setCurrentPageSize(Pages.size(count));
        return page;
    }
}
