package org.medkarta.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.hl7.fhir.instance.model.api.IBaseResource;
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

    /** The zone a date without one is read in: the platform's patients live by Moscow time by default. */
    static final ZoneId ZONE = ZoneId.of("Europe/Moscow");

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

    /** Everything a resource type is made of, before any parameter narrows it. */
    ResultsFilter(Set<EntryType> entryTypes, Set<Measure> measures, Set<UploadKind> uploadKinds, boolean byFiling) {
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
                throw new InvalidRequestException(
                        "Modifier :" + token.getModifier().getValue() + " is not supported");
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
     * A date parameter with its prefixes (eq, ge, gt, le, lt, sa, eb; R4 3.1.1.4.2). A value is the
     * interval its precision spans (a day, a month, a second); a clinical day or a moment matches as
     * the prefix says of that interval. A value without a zone is read in Moscow time, the platform's.
     */
    ResultsFilter date(DateRangeParam range) {
        if (range == null || range.isEmpty()) {
            return this;
        }
        for (DateParam value : range.getValuesAsQueryTokens()) {
            if (value == null || value.isEmpty()) {
                continue;
            }
            var prefix = value.getPrefix() == null ? ParamPrefixEnum.EQUAL : value.getPrefix();
            var span = Span.of(value);
            switch (prefix) {
                case EQUAL -> {
                    fromDay(span.firstDay());
                    toDay(span.lastDay());
                    from = later(from, span.start());
                    before = earlier(before, span.end());
                }
                case GREATERTHAN_OR_EQUALS -> {
                    fromDay(span.firstDay());
                    from = later(from, span.start());
                }
                case GREATERTHAN, STARTS_AFTER -> {
                    fromDay(span.wholeDays() ? span.lastDay().plusDays(1) : span.firstDay());
                    from = later(from, span.end());
                }
                case LESSTHAN_OR_EQUALS -> {
                    toDay(span.lastDay());
                    before = earlier(before, span.end());
                }
                case LESSTHAN, ENDS_BEFORE -> {
                    toDay(span.wholeDays() ? span.firstDay().minusDays(1) : span.lastDay());
                    before = earlier(before, span.start());
                }
                default -> throw new InvalidRequestException("Date prefix " + prefix.getValue() + " is not supported");
            }
        }
        return this;
    }

    ResultsFilter lastUpdated(DateRangeParam range) {
        if (range == null || range.isEmpty()) {
            return this;
        }
        for (DateParam value : range.getValuesAsQueryTokens()) {
            if (value == null || value.isEmpty()) {
                continue;
            }
            var prefix = value.getPrefix() == null ? ParamPrefixEnum.EQUAL : value.getPrefix();
            var span = Span.of(value);
            switch (prefix) {
                case EQUAL -> {
                    updatedFrom = later(updatedFrom, span.start());
                    updatedBefore = earlier(updatedBefore, span.end());
                }
                case GREATERTHAN_OR_EQUALS -> updatedFrom = later(updatedFrom, span.start());
                case GREATERTHAN, STARTS_AFTER -> updatedFrom = later(updatedFrom, span.end());
                case LESSTHAN_OR_EQUALS -> updatedBefore = earlier(updatedBefore, span.end());
                case LESSTHAN, ENDS_BEFORE -> updatedBefore = earlier(updatedBefore, span.start());
                default -> throw new InvalidRequestException("Date prefix " + prefix.getValue() + " is not supported");
            }
        }
        return this;
    }

    /**
     * The interval a date value spans: from {@code start} to just before {@code end}, and the days it
     * touches; {@code wholeDays} when it is a date without a time (a year, a month, a day).
     */
    record Span(Instant start, Instant end, LocalDate firstDay, LocalDate lastDay, boolean wholeDays) {

        static Span of(DateParam value) {
            String text = value.getValueAsString();
            var precision = value.getPrecision();
            if (precision == TemporalPrecisionEnum.YEAR
                    || precision == TemporalPrecisionEnum.MONTH
                    || precision == TemporalPrecisionEnum.DAY) {
                LocalDate first;
                LocalDate last;
                if (precision == TemporalPrecisionEnum.YEAR) {
                    first = LocalDate.of(Integer.parseInt(text.substring(0, 4)), 1, 1);
                    last = first.plusYears(1).minusDays(1);
                } else if (precision == TemporalPrecisionEnum.MONTH) {
                    first = LocalDate.parse(text.substring(0, 7) + "-01");
                    last = first.plusMonths(1).minusDays(1);
                } else {
                    first = LocalDate.parse(text.substring(0, 10));
                    last = first;
                }
                return new Span(
                        first.atStartOfDay(ZONE).toInstant(),
                        last.plusDays(1).atStartOfDay(ZONE).toInstant(),
                        first,
                        last,
                        true);
            }
            Instant start = value.getValue().toInstant();
            Instant end = precision.add(value.getValue(), 1).toInstant();
            LocalDate day = start.atZone(ZONE).toLocalDate();
            return new Span(start, end, day, day, false);
        }
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
            throw new InvalidRequestException("_sort supports " + dateParameter + " and -" + dateParameter + " only");
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
     * A page of translated results with the total of the one record searched, paged like {@link
     * Pages#of} so that HAPI writes the same next and previous links.
     */
    static IBundleProvider page(
            RecordResults results,
            Integer offset,
            Integer count,
            BiFunction<RecordResults.Item, RecordResults, ? extends IBaseResource> translate) {
        var resources = new ArrayList<IBaseResource>();
        for (var item : results.items()) {
            resources.add(translate.apply(item, results));
        }
        var page = new SimpleBundleProvider(List.copyOf(resources));
        page.setSize(results.total());
        page.setCurrentPageOffset(Pages.offset(offset));
        page.setCurrentPageSize(Pages.size(count));
        return page;
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
