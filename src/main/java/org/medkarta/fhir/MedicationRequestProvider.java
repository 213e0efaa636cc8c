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
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.medkarta.access.AccessDecision;
import org.medkarta.record.EntryDetail;
import org.medkarta.record.EntryType;
import org.medkarta.record.RecordReading;
import org.springframework.stereotype.Component;

/**
 * The record's prescriptions as MedicationRequests, read and searched under the record's rules: a
 * clinician in a care relationship sees them; the patient account does not show prescriptions
 * (order 003, Appendix 1), so the patient, a parent and a grantee find none, as in the record API.
 * Each read and search is one audit entry per record opened.
 */
@Component
class MedicationRequestProvider implements IResourceProvider {

    private static final Set<String> DATES = Set.of(MedicationRequest.SP_AUTHOREDON);

    private final ImportedResources imported;
    private final PatientScope scope;
    private final RecordReading record;
    private final CareSort sorts;

    MedicationRequestProvider(PatientScope scope, RecordReading record, CareSort sorts, ImportedResources imported) {
        this.imported = imported;
        this.sorts = sorts;
        this.scope = scope;
        this.record = record;
    }

    @Override
    public Class<MedicationRequest> getResourceType() {
        return MedicationRequest.class;
    }

    @Read
    public MedicationRequest read(@IdParam IdType id) {
        return toFhir(CareEntries.read(scope, record, FhirIds.parse(id, Function.identity()), EntryType.PRESCRIPTION));
    }

    /**
     * {@code patient}/{@code subject} the record (a patient or representative may leave it out: every
     * record they reach); {@code authoredon} the prescription's date with prefixes; {@code status};
     * {@code code:text} a part of the medication's name (nothing is coded, so a plain {@code code}
     * finds nothing); {@code _sort} by authoredon.
     */
    @Search
    public IBundleProvider search(
            @OptionalParam(name = MedicationRequest.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = MedicationRequest.SP_SUBJECT) ReferenceParam subject,
            @OptionalParam(name = MedicationRequest.SP_AUTHOREDON) DateRangeParam authored,
            @OptionalParam(name = MedicationRequest.SP_STATUS) TokenOrListParam status,
            @OptionalParam(name = MedicationRequest.SP_CODE) TokenOrListParam code,
            @Sort SortSpec sort,
            @Offset Integer offset,
            @Count Integer count) {
        var dates = scope.range(authored);
        var found = CareEntries.list(record, scope.search(patient, subject), EntryType.PRESCRIPTION, dates).stream()
                .filter(entry -> PatientScope.matches(
                        status,
                        MedicationRequestTranslator.STATUS_SYSTEM,
                        MedicationRequestTranslator.status(entry.entry().status())))
                .filter(entry -> code == null
                        || CareSearch.matchesText(code, entry.entry().title()))
                .toList();
        return CareSearch.page(
                sorts.sorted(found, sort, DATES), offset, count, entry -> toFhir(CareEntries.open(record, entry)));
    }

    /** The entry as FHIR: the resource it was imported from while unchanged, else the translator's. */
    private MedicationRequest toFhir(EntryDetail entry) {
        return imported.orTranslated(entry, MedicationRequestTranslator.toFhir(entry));
    }

    /** Every entry of the record {@code decision} opened that is one, as its reader may see it: for {@link PatientEverything}. */
    List<MedicationRequest> everything(AccessDecision decision) {
        return CareEntries.list(record, List.of(decision), EntryType.PRESCRIPTION, PatientScope.Range.ALL).stream()
                .map(entry -> toFhir(CareEntries.open(record, entry)))
                .toList();
    }
}
