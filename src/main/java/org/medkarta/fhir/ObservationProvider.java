package org.medkarta.fhir;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.medkarta.access.AccessDecision;
import org.medkarta.record.ClinicalResults;
import org.medkarta.record.EntryType;
import org.medkarta.record.Measure;
import org.medkarta.record.RecordResults;
import org.medkarta.shared.NotFound;
import org.springframework.stereotype.Component;

/**
 * Laboratory results and diary readings as Observations, read and searched within the one record the
 * access module lets the caller open (the patient, a parent, a grantee by level, a clinician in care).
 */
@Component
class ObservationProvider implements IResourceProvider {

    private static final String CATEGORY_LABORATORY = "laboratory";
    private static final String CATEGORY_VITAL_SIGNS = "vital-signs";

    private final ImportedResources imported;
    private final PatientScope scope;
    private final ResultsRefusals refusals;
    private final ClinicalResults results;

    ObservationProvider(
            PatientScope scope, ResultsRefusals refusals, ClinicalResults results, ImportedResources imported) {
        this.imported = imported;
        this.scope = scope;
        this.refusals = refusals;
        this.results = results;
    }

    @Override
    public Class<Observation> getResourceType() {
        return Observation.class;
    }

    @Read
    public Observation read(@IdParam IdType id) {
        var result = FhirIds.parse(id, uuid -> uuid);
        var decision = scope.read(results.recordOf(result).orElseThrow(NotFound::new));
        var found = results.results(List.of(decision), all().query(result, null, null));
        if (found.items().isEmpty()) {
            throw new NotFound();
        }
        return translate(found.items().get(0));
    }

    /**
     * {@code patient} or {@code subject} (without either, every record a patient or representative
     * reaches, as {@link PatientScope} decides); {@code
     * code} as {@code system|code} (LOINC, Medkarta's test codes, Medkarta's diary measures) or a
     * bare code in any of them; {@code category} laboratory or vital-signs; {@code date} and {@code
     * _lastUpdated} with prefixes; {@code _sort} by date.
     */
    @Search
    public IBundleProvider search(
            @OptionalParam(name = Observation.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Observation.SP_SUBJECT) ReferenceParam subject,
            @OptionalParam(name = Observation.SP_CODE) TokenOrListParam code,
            @OptionalParam(name = Observation.SP_CATEGORY) TokenOrListParam category,
            @OptionalParam(name = Observation.SP_DATE) DateRangeParam date,
            @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
            @Sort SortSpec sort,
            @Offset Integer offset,
            @Count Integer count) {
        var filter = all().where(code, ObservationProvider::code)
                .where(category, ObservationProvider::category)
                .date(scope.range(date))
                .lastUpdated(scope.range(lastUpdated))
                .sort(sort, Observation.SP_DATE);
        var records = scope.search(patient, subject);
        if (records.isEmpty()) {
            return ResultsFilter.empty(offset, count);
        }
        var page = results.results(records, filter.query(null, offset, count));
        return ResultsFilter.page(page, offset, count, this::translate);
    }

    /** Every Observation of the record {@code decision} opened, as its reader may see it: for {@link PatientEverything}. */
    List<Observation> everything(AccessDecision decision) {
        return ResultsFilter.every(results, decision, all(), this::translate);
    }

    /** Everything that is an Observation: laboratory results and every diary measure. */
    private ResultsFilter all() {
        return new ResultsFilter(refusals, Set.of(EntryType.LAB_RESULT), EnumSet.allOf(Measure.class), Set.of(), false);
    }

    private Observation translate(RecordResults.Item item) {
        return item.entry() != null
                ? imported.orTranslated(item.entry(), ObservationTranslator.lab(item.entry(), item.updatedAt()))
                : ObservationTranslator.reading(item.reading(), item.patient());
    }

    /** What one {@code code} token names: laboratory tests and diary measures. */
    static ResultsFilter.Match code(TokenParam token) {
        String system = token.getSystem();
        String value = token.getValue() == null ? "" : token.getValue().strip();
        boolean any = system == null;
        if (!any && system.isEmpty()) {
            return ResultsFilter.Match.NOTHING;
        }
        var codes = new java.util.HashSet<String>();
        var measures = EnumSet.noneOf(Measure.class);
        if (any || Systems.LOINC.equals(system)) {
            codes.addAll(ObservationTranslator.labCodesOf(value));
            measures.addAll(ObservationTranslator.measuresOf(value));
        }
        if (any || Systems.LAB_TEST.equals(system)) {
            codes.add(value.toUpperCase(Locale.ROOT));
        }
        if (any || Systems.DIARY_MEASURE.equals(system)) {
            for (Measure measure : Measure.values()) {
                if (measure.name().equalsIgnoreCase(value)) {
                    measures.add(measure);
                }
            }
        }
        return new ResultsFilter.Match(
                codes.isEmpty() ? Set.of() : Set.of(EntryType.LAB_RESULT), codes, measures, Set.of());
    }

    /** What one {@code category} token names: laboratory (tests, capillary glucose) or vital signs. */
    static ResultsFilter.Match category(TokenParam token) {
        String system = token.getSystem();
        if (system != null && !Systems.OBSERVATION_CATEGORY.equals(system)) {
            return ResultsFilter.Match.NOTHING;
        }
        return switch (token.getValue() == null ? "" : token.getValue()) {
            case CATEGORY_LABORATORY ->
                new ResultsFilter.Match(Set.of(EntryType.LAB_RESULT), null, Set.of(Measure.GLUCOSE), Set.of());
            case CATEGORY_VITAL_SIGNS ->
                new ResultsFilter.Match(Set.of(), Set.of(), ObservationTranslator.VITAL_SIGNS, Set.of());
            default -> ResultsFilter.Match.NOTHING;
        };
    }
}
