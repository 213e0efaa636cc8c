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
import java.util.function.Function;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.medkarta.access.AccessDecision;
import org.medkarta.record.EntryDetail;
import org.medkarta.record.EntryType;
import org.medkarta.record.RecordReading;
import org.medkarta.shared.PatientId;
import org.springframework.stereotype.Component;

/**
 * The record's allergies and intolerances as AllergyIntolerances. Order 003's Appendix 1 does not
 * list them among what the patient account shows, so, as with diagnoses, clinicians in care see them
 * and the patient's side (the patient, a parent, a grantee) finds none; anyone else reads 404. Each
 * read and search is one audit entry per record opened, through {@link PatientScope}.
 */
@Component
class AllergyIntoleranceProvider implements IResourceProvider {

    private static final Set<EntryType> ALLERGIES = Set.of(EntryType.ALLERGY);

    private final ImportedResources imported;
    private final PatientScope scope;
    private final RecordReading record;
    private final PatientProvider patients;

    AllergyIntoleranceProvider(
            PatientScope scope, RecordReading record, PatientProvider patients, ImportedResources imported) {
        this.imported = imported;
        this.scope = scope;
        this.record = record;
        this.patients = patients;
    }

    @Override
    public Class<AllergyIntolerance> getResourceType() {
        return AllergyIntolerance.class;
    }

    @Read
    public AllergyIntolerance read(@IdParam IdType id) {
        return toFhir(CareEntries.read(scope, record, FhirIds.parse(id, Function.identity()), EntryType.ALLERGY));
    }

    /**
     * {@code patient} the record (R4 defines no {@code subject} for this resource); {@code code} the
     * substance's code, with or without its system; {@code date} the day it was recorded
     * (recordedDate), with prefixes; {@code clinical-status} active, inactive or resolved; {@code
     * _include} of the patient; newest first.
     */
    @Search
    public IBundleProvider search(
            @OptionalParam(name = AllergyIntolerance.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = AllergyIntolerance.SP_CODE) TokenOrListParam code,
            @OptionalParam(name = AllergyIntolerance.SP_DATE) DateRangeParam date,
            @OptionalParam(name = AllergyIntolerance.SP_CLINICAL_STATUS) TokenOrListParam clinicalStatus,
            @IncludeParam(allow = {"AllergyIntolerance:patient"}) Set<Include> includes,
            @Offset Integer offset,
            @Count Integer count) {
        var found = RecordEntrySearch.list(record, scope.search(patient, null), ALLERGIES, scope.range(date));
        var subjects = new HashMap<PatientId, Patient>();
        Function<RecordEntrySearch.Found, AllergyIntolerance> open = entry -> {
            var allergy = toFhir(record.entry(entry.decision(), entry.entry().id()));
            if (includes != null && !includes.isEmpty()) {
                allergy.getPatient()
                        .setResource(subjects.computeIfAbsent(
                                entry.decision().patient(), id -> patients.patient(entry.decision())));
            }
            return allergy;
        };
        if (code == null && clinicalStatus == null) {
            return RecordEntrySearch.page(found, offset, count, open);
        }
        // Code and status are in the entry itself: a record's allergies are few, each opened to match.
        var matching = found.stream()
                .map(open)
                .filter(allergy -> code == null
                        || allergy.getCode().getCoding().stream()
                                .anyMatch(coding -> PatientScope.matches(code, coding.getSystem(), coding.getCode())))
                .filter(allergy -> clinicalStatus == null
                        || allergy.getClinicalStatus().getCoding().stream()
                                .anyMatch(coding ->
                                        PatientScope.matches(clinicalStatus, coding.getSystem(), coding.getCode())))
                .toList();
        return Pages.of(matching, offset, count);
    }

    /** The entry as FHIR: the resource it was imported from while unchanged, else the translator's. */
    private AllergyIntolerance toFhir(EntryDetail entry) {
        return imported.orTranslated(entry, AllergyIntoleranceTranslator.toFhir(entry));
    }

    /** Every entry of this kind of the record {@code decision} opened, as its reader may see it: for {@link PatientEverything}. */
    List<AllergyIntolerance> everything(AccessDecision decision) {
        return RecordEntrySearch.list(record, List.of(decision), ALLERGIES, PatientScope.Range.ALL).stream()
                .map(entry -> toFhir(record.entry(decision, entry.entry().id())))
                .toList();
    }
}
