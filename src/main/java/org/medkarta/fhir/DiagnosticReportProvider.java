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
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.IdType;
import org.medkarta.access.AccessDecision;
import org.medkarta.record.ClinicalResults;
import org.medkarta.record.EntryStatus;
import org.medkarta.record.EntryType;
import org.medkarta.record.EntryType.Modality;
import org.medkarta.record.RecordResults;
import org.medkarta.shared.NotFound;
import org.springframework.stereotype.Component;

/** Instrumental studies and laboratory results as DiagnosticReports, within the record the caller may open. */
@Component
class DiagnosticReportProvider implements IResourceProvider {

    private final ImportedResources imported;
    private final PatientScope scope;
    private final ResultsRefusals refusals;
    private final ClinicalResults results;

    DiagnosticReportProvider(
            PatientScope scope, ResultsRefusals refusals, ClinicalResults results, ImportedResources imported) {
        this.imported = imported;
        this.scope = scope;
        this.refusals = refusals;
        this.results = results;
    }

    @Override
    public Class<DiagnosticReport> getResourceType() {
        return DiagnosticReport.class;
    }

    @Read
    public DiagnosticReport read(@IdParam IdType id) {
        var result = FhirIds.parse(id, uuid -> uuid);
        var decision = scope.read(results.recordOf(result).orElseThrow(NotFound::new));
        var found = results.results(List.of(decision), all().query(result, null, null));
        if (found.items().isEmpty()) {
            throw new NotFound();
        }
        return translate(found.items().get(0));
    }

    /**
     * {@code patient} or {@code subject}; {@code category} (HL7 v2 0074: LAB, RAD, CT, NMR, EC, RUS,
     * OTH); {@code code} (a study modality, a laboratory test by LOINC or Medkarta's code); {@code
     * date} with prefixes; {@code status} (final, amended, entered-in-error); {@code _sort} by date.
     */
    @Search
    public IBundleProvider search(
            @OptionalParam(name = DiagnosticReport.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = DiagnosticReport.SP_SUBJECT) ReferenceParam subject,
            @OptionalParam(name = DiagnosticReport.SP_CATEGORY) TokenOrListParam category,
            @OptionalParam(name = DiagnosticReport.SP_CODE) TokenOrListParam code,
            @OptionalParam(name = DiagnosticReport.SP_DATE) DateRangeParam date,
            @OptionalParam(name = DiagnosticReport.SP_STATUS) TokenOrListParam status,
            @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
            @Sort SortSpec sort,
            @Offset Integer offset,
            @Count Integer count) {
        var filter = all().where(category, DiagnosticReportProvider::category)
                .where(code, DiagnosticReportProvider::code)
                .statuses(status, DiagnosticReportProvider::status)
                .date(scope.range(date))
                .lastUpdated(scope.range(lastUpdated))
                .sort(sort, DiagnosticReport.SP_DATE);
        var records = scope.search(patient, subject);
        if (records.isEmpty()) {
            return ResultsFilter.empty(offset, count);
        }
        var page = results.results(records, filter.query(null, offset, count));
        return ResultsFilter.page(page, offset, count, this::translate);
    }

    /** Every DiagnosticReport of the record {@code decision} opened, as its reader may see it: for {@link PatientEverything}. */
    List<DiagnosticReport> everything(AccessDecision decision) {
        return ResultsFilter.every(results, decision, all(), this::translate);
    }

    private ResultsFilter all() {
        return new ResultsFilter(
                refusals, Set.of(EntryType.INSTRUMENTAL, EntryType.LAB_RESULT), Set.of(), Set.of(), false);
    }

    private DiagnosticReport translate(RecordResults.Item item) {
        return imported.orTranslated(
                item.entry(), DiagnosticReportTranslator.toFhir(item.entry(), item.filedAt(), item.updatedAt()));
    }

    static ResultsFilter.Match category(TokenParam token) {
        if (token.getSystem() != null && !Systems.DIAGNOSTIC_SERVICE.equals(token.getSystem())) {
            return ResultsFilter.Match.NOTHING;
        }
        String value = token.getValue() == null ? "" : token.getValue().strip().toUpperCase(Locale.ROOT);
        if (DiagnosticReportTranslator.LABORATORY.getCode().equals(value)) {
            return ResultsFilter.Match.entries(EntryType.LAB_RESULT);
        }
        var modalities = new HashSet<String>();
        DiagnosticReportTranslator.SECTIONS.forEach((modality, section) -> {
            if (section.getCode().equals(value)) {
                modalities.add(modality.name());
            }
        });
        return modalities.isEmpty()
                ? ResultsFilter.Match.NOTHING
                : new ResultsFilter.Match(Set.of(EntryType.INSTRUMENTAL), modalities, Set.of(), Set.of());
    }

    static ResultsFilter.Match code(TokenParam token) {
        String system = token.getSystem();
        String value = token.getValue() == null ? "" : token.getValue().strip();
        if (system != null && system.isEmpty()) {
            return ResultsFilter.Match.NOTHING;
        }
        var types = new HashSet<EntryType>();
        var codes = new HashSet<String>();
        if (system == null || Systems.STUDY_MODALITY.equals(system)) {
            for (Modality modality : Modality.values()) {
                if (modality.name().equalsIgnoreCase(value)) {
                    types.add(EntryType.INSTRUMENTAL);
                    codes.add(modality.name());
                }
            }
        }
        var labs = new HashSet<String>();
        if (system == null || Systems.LOINC.equals(system)) {
            labs.addAll(ObservationTranslator.labCodesOf(value));
        }
        if (system == null || Systems.LAB_TEST.equals(system)) {
            labs.add(value.toUpperCase(Locale.ROOT));
        }
        if (!labs.isEmpty()) {
            types.add(EntryType.LAB_RESULT);
            codes.addAll(labs);
        }
        return new ResultsFilter.Match(types, codes, Set.of(), Set.of());
    }

    static Set<EntryStatus> status(String status) {
        return switch (status == null ? "" : status) {
            case "final" -> Set.of(EntryStatus.CURRENT);
            case "amended" -> Set.of(EntryStatus.AMENDED);
            case "entered-in-error" -> Set.of(EntryStatus.ENTERED_IN_ERROR);
            default -> Set.of();
        };
    }
}
