package org.medkarta.fhir;

import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.medkarta.access.AccessDecision;
import org.medkarta.record.ClinicalResults;
import org.medkarta.record.EntryStatus;
import org.medkarta.record.EntryType;
import org.medkarta.record.Measure;
import org.medkarta.record.RecordQuery;
import org.medkarta.record.RecordResults;
import org.medkarta.record.UploadKind;

/**
 * A results search's parameters as the record module's {@link RecordQuery}: which entries, readings
 * and uploads a resource type is made of, narrowed by each parameter the client sent, so that the
 * database filters, counts and pages (never this module after loading).
 */
final class ResultsFilter {

    private Set<EntryType> entryTypes;
    private Set<String> entryCodes;
    private Set<EntryStatus> entryStatuses;
    private Set<Measure> measures;
    private Set<UploadKind> uploadKinds;
    private LocalDate fromDay;
    private LocalDate toDay;
    private Instant from;
    private Instant before;
    private final boolean byFiling;
    private Instant updatedFrom;
    private Instant updatedBefore;
    private boolean oldestFirst;

    private final ResultsRefusals refusals;

    /** Everything a resource type is made of, before any parameter narrows it. */
    ResultsFilter(
            ResultsRefusals refusals,
            Set<EntryType> entryTypes,
            Set<Measure> measures,
            Set<UploadKind> uploadKinds,
            boolean byFiling) {
        this.refusals = refusals;
        this.entryTypes = copy(entryTypes, EntryType.class);
        this.measures = copy(measures, Measure.class);
        this.uploadKinds = copy(uploadKinds, UploadKind.class);
        this.byFiling = byFiling;
    }

    /** What one token of a parameter ({@code code}, {@code category}, {@code type}, {@code status}) stands for. */
    record Match(Set<EntryType> entryTypes, Set<String> entryCodes, Set<Measure> measures, Set<UploadKind> uploads) {

        static final Match NOTHING = new Match(Set.of(), Set.of(), Set.of(), Set.of());

        /** Entries of these types, any code. */
        static Match entries(EntryType... types) {
            return new Match(Set.of(types), null, Set.of(), Set.of());
        }
    }

    /**
     * Narrows by a token parameter: the union of what each of its tokens (OR) stands for, kept where
     * it meets what the filter already holds (AND).
     */
    ResultsFilter where(TokenOrListParam tokens, Function<TokenParam, Match> meaning) {
        if (tokens == null || tokens.getValuesAsQueryTokens().isEmpty()) {
            return this;
        }
        var types = new HashSet<EntryType>();
        Set<String> codes = new HashSet<>();
        boolean anyCode = false;
        var wantedMeasures = new HashSet<Measure>();
        var wantedUploads = new HashSet<UploadKind>();
        for (TokenParam token : tokens.getValuesAsQueryTokens()) {
            if (token.getModifier() != null) {
                throw refusals.unsupported(
                        "fhir.results.modifier", token.getModifier().getValue());
            }
            var match = meaning.apply(token);
            types.addAll(match.entryTypes());
            if (match.entryTypes().isEmpty()) {
                // a token that names no entry does not open the entry codes of the others
            } else if (match.entryCodes() == null) {
                anyCode = true;
            } else {
                codes.addAll(match.entryCodes());
            }
            wantedMeasures.addAll(match.measures());
            wantedUploads.addAll(match.uploads());
        }
        entryTypes.retainAll(types);
        if (!anyCode) {
            entryCodes = entryCodes == null ? codes : intersect(entryCodes, codes);
        }
        measures.retainAll(wantedMeasures);
        uploadKinds.retainAll(wantedUploads);
        return this;
    }

    /** Narrows entries to statuses; readings and uploads count as current. */
    ResultsFilter statuses(TokenOrListParam tokens, Function<String, Set<EntryStatus>> meaning) {
        if (tokens == null || tokens.getValuesAsQueryTokens().isEmpty()) {
            return this;
        }
        var wanted = EnumSet.noneOf(EntryStatus.class);
        for (TokenParam token : tokens.getValuesAsQueryTokens()) {
            wanted.addAll(meaning.apply(token.getValue()));
        }
        entryStatuses = entryStatuses == null ? wanted : intersect(entryStatuses, wanted);
        return this;
    }

    /**
     * A date parameter as {@link PatientScope#range} reads it (prefixes eq, ge, gt, le, lt, sa, eb;
     * a value is the period its precision spans, in Moscow time without a zone): a moment matches
     * when it lies within, a clinical day when its start does.
     */
    ResultsFilter date(PatientScope.Range range) {
        if (range.from() != null) {
            from = later(from, range.from());
            fromDay(range.fromDay());
        }
        if (range.to() != null) {
            before = earlier(before, range.to());
            toDay(range.toDay());
        }
        return this;
    }

    /** {@code _lastUpdated} as {@link PatientScope#range} reads it. */
    ResultsFilter lastUpdated(PatientScope.Range range) {
        if (range.from() != null) {
            updatedFrom = later(updatedFrom, range.from());
        }
        if (range.to() != null) {
            updatedBefore = earlier(updatedBefore, range.to());
        }
        return this;
    }

    private void fromDay(LocalDate day) {
        fromDay = fromDay == null || day.isAfter(fromDay) ? day : fromDay;
    }

    private void toDay(LocalDate day) {
        toDay = toDay == null || day.isBefore(toDay) ? day : toDay;
    }

    /** {@code _sort=date} oldest first, {@code -date} (the default) newest first; nothing else. */
    ResultsFilter sort(SortSpec sort, String dateParameter) {
        if (sort == null) {
            return this;
        }
        if (!dateParameter.equals(sort.getParamName()) || sort.getChain() != null) {
            throw refusals.unsupported("fhir.results.sort", dateParameter);
        }
        oldestFirst = sort.getOrder() != SortOrderEnum.DESC;
        return this;
    }

    RecordQuery query(java.util.UUID id, Integer offset, Integer count) {
        return new RecordQuery(
                id,
                entryTypes,
                entryCodes,
                entryStatuses,
                measures,
                uploadKinds,
                fromDay,
                toDay,
                from,
                before,
                byFiling,
                updatedFrom,
                updatedBefore,
                oldestFirst,
                id == null ? Pages.offset(offset) : 0,
                id == null ? Pages.size(count) : 1);
    }

    /**
     * A page of translated results with the total of the records searched, paged like {@link
     * Pages#of} so that HAPI writes the same next and previous links.
     */
    static IBundleProvider page(
            RecordResults results,
            Integer offset,
            Integer count,
            Function<RecordResults.Item, ? extends IBaseResource> translate) {
        var resources = new ArrayList<IBaseResource>();
        for (var item : results.items()) {
            resources.add(translate.apply(item));
        }
        var page = new SimpleBundleProvider(List.copyOf(resources));
        page.setSize(results.total());
        page.setCurrentPageOffset(Pages.offset(offset));
        page.setCurrentPageSize(Pages.size(count));
        return page;
    }

    /** Every result of the record {@code decision} opened that {@code filter} covers, page after page. */
    static <T> List<T> every(
            ClinicalResults results,
            AccessDecision decision,
            ResultsFilter filter,
            Function<RecordResults.Item, ? extends T> translate) {
        var found = new ArrayList<T>();
        int offset = 0;
        while (true) {
            var page = results.results(List.of(decision), filter.query(null, offset, Pages.MAXIMUM));
            page.items().forEach(item -> found.add(translate.apply(item)));
            offset += page.items().size();
            if (page.items().isEmpty() || offset >= page.total()) {
                return found;
            }
        }
    }

    /** A search of a record the caller may not open: nothing, and nothing counted. */
    static IBundleProvider empty(Integer offset, Integer count) {
        return Pages.of(List.of(), offset, count);
    }

    private static <E extends Enum<E>> Set<E> copy(Set<E> values, Class<E> type) {
        return values.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(values);
    }

    private static <T> Set<T> intersect(Set<T> held, Set<T> wanted) {
        var both = new HashSet<>(held);
        both.retainAll(wanted);
        return both;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}
