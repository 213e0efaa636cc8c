package org.medkarta.fhir;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.medkarta.access.AccessDecision;
import org.medkarta.record.EntryDetail;
import org.medkarta.record.EntryType;
import org.medkarta.record.RecordReading;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.springframework.stereotype.Component;

/**
 * The record's diagnoses as Conditions with their ICD-10 codes. Order 003's Appendix 1 does not list
 * diagnoses among what the patient account shows, so, as in the record itself, clinicians in care see
 * them and the patient's side does not. Searched by {@code patient}/{@code subject}, {@code code}
 * ({@code urn:oid:1.2.643.5.1.13.13.11.1005|J06.9}, or the code alone), {@code clinical-status} and
 * {@code onset-date} with prefixes.
 */
@Component
class ConditionProvider implements IResourceProvider {

    private static final Set<EntryType> DIAGNOSES = Set.of(EntryType.DIAGNOSIS);

    private final ImportedResources imported;
    private final PatientScope scope;
    private final RecordReading record;
    private final PatientProvider patients;

    ConditionProvider(PatientScope scope, RecordReading record, PatientProvider patients, ImportedResources imported) {
        this.imported = imported;
        this.scope = scope;
        this.record = record;
        this.patients = patients;
    }

    @Override
    public Class<Condition> getResourceType() {
        return Condition.class;
    }

    @Read
    public Condition read(@IdParam IdType id) {
        UUID entry = FhirIds.parse(id, Function.identity());
        var decision = scope.read(record.recordOf(entry).orElseThrow(NotFound::new));
        var detail = record.entry(decision, entry);
        if (!DIAGNOSES.contains(detail.type())) {
            throw new NotFound();
        }
        return toFhir(detail);
    }

    @Search
    public IBundleProvider search(
            @OptionalParam(name = Condition.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Condition.SP_SUBJECT) ReferenceParam subject,
            @OptionalParam(name = Condition.SP_CODE) TokenOrListParam code,
            @OptionalParam(name = Condition.SP_CLINICAL_STATUS) TokenOrListParam clinicalStatus,
            @OptionalParam(name = Condition.SP_ONSET_DATE) DateRangeParam onset,
            @IncludeParam(allow = {"Condition:subject", "Condition:patient"}) Set<Include> includes,
            @Offset Integer offset,
            @Count Integer count) {
        var found = RecordEntrySearch.list(record, scope.search(patient, subject), DIAGNOSES, scope.range(onset));
        var subjects = new HashMap<PatientId, Patient>();
        Function<RecordEntrySearch.Found, Condition> open = entry -> {
            var condition = toFhir(record.entry(entry.decision(), entry.entry().id()));
            if (includes != null && !includes.isEmpty()) {
                condition
                        .getSubject()
                        .setResource(subjects.computeIfAbsent(
                                entry.decision().patient(), id -> patients.patient(entry.decision())));
            }
            return condition;
        };
        if (code == null && clinicalStatus == null) {
            return RecordEntrySearch.page(found, offset, count, open);
        }
        // Code and status are in the entry itself: a record's diagnoses are few, each opened to match.
        var matching = found.stream()
                .map(open)
                .filter(condition -> condition.getCode().getCoding().stream()
                        .anyMatch(coding -> PatientScope.matches(code, coding.getSystem(), coding.getCode())))
                .filter(condition -> clinicalStatus == null
                        || condition.getClinicalStatus().getCoding().stream()
                                .anyMatch(coding ->
                                        PatientScope.matches(clinicalStatus, coding.getSystem(), coding.getCode())))
                .toList();
        return Pages.of(matching, offset, count);
    }

    /** The entry as FHIR: the resource it was imported from while unchanged, else the translator's. */
    private Condition toFhir(EntryDetail entry) {
        return imported.orTranslated(entry, ConditionTranslator.toFhir(entry));
    }

    /** Every diagnosis of the record {@code decision} opened, as its reader may see it: for {@link PatientEverything}. */
    List<Condition> everything(AccessDecision decision) {
        return RecordEntrySearch.list(record, List.of(decision), DIAGNOSES, PatientScope.Range.ALL).stream()
                .map(entry -> toFhir(record.entry(decision, entry.entry().id())))
                .toList();
    }
}
