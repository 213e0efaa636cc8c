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
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.medkarta.access.AccessDecision;
import org.medkarta.record.EntryDetail;
import org.medkarta.record.EntryStatus;
import org.medkarta.record.EntryType;
import org.medkarta.record.RecordReading;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.springframework.stereotype.Component;

/**
 * Visits that took place as Encounters: the record's exam protocols (a consultation's protocol is
 * filed as one) and hospitalisations, each reader seeing what the record shows them. Searched by
 * {@code patient}/{@code subject}, {@code date} (the visit's date, a stay's discharge date) with
 * prefixes and {@code status}.
 */
@Component
class EncounterProvider implements IResourceProvider {

    static final Set<EntryType> VISITS = Set.of(EntryType.EXAM_PROTOCOL, EntryType.HOSPITALISATION, EntryType.VISIT);

    static final String STATUS = "http://hl7.org/fhir/encounter-status";

    private final ImportedResources imported;
    private final PatientScope scope;
    private final RecordReading record;
    private final PatientProvider patients;

    EncounterProvider(PatientScope scope, RecordReading record, PatientProvider patients, ImportedResources imported) {
        this.imported = imported;
        this.scope = scope;
        this.record = record;
        this.patients = patients;
    }

    @Override
    public Class<Encounter> getResourceType() {
        return Encounter.class;
    }

    @Read
    public Encounter read(@IdParam IdType id) {
        UUID entry = FhirIds.parse(id, Function.identity());
        var decision = scope.read(record.recordOf(entry).orElseThrow(NotFound::new));
        var detail = record.entry(decision, entry);
        if (!VISITS.contains(detail.type())) {
            throw new NotFound();
        }
        return toFhir(detail);
    }

    @Search
    public IBundleProvider search(
            @OptionalParam(name = Encounter.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Encounter.SP_SUBJECT) ReferenceParam subject,
            @OptionalParam(name = Encounter.SP_DATE) DateRangeParam date,
            @OptionalParam(name = Encounter.SP_STATUS) TokenOrListParam status,
            @IncludeParam(allow = {"Encounter:subject", "Encounter:patient"}) Set<Include> includes,
            @Offset Integer offset,
            @Count Integer count) {
        var found = RecordEntrySearch.list(record, scope.search(patient, subject), VISITS, scope.range(date)).stream()
                .filter(entry -> PatientScope.matches(
                        status, STATUS, status(entry.entry().status())))
                .toList();
        var subjects = new HashMap<PatientId, Patient>();
        return RecordEntrySearch.page(found, offset, count, entry -> {
            var encounter = toFhir(record.entry(entry.decision(), entry.entry().id()));
            if (includes != null && !includes.isEmpty()) {
                encounter
                        .getSubject()
                        .setResource(subjects.computeIfAbsent(
                                entry.decision().patient(), id -> patients.patient(entry.decision())));
            }
            return encounter;
        });
    }

    /** Every visit of the record {@code decision} opened, as its reader may see it: for {@link PatientEverything}. */
    List<Encounter> everything(AccessDecision decision) {
        return RecordEntrySearch.list(record, List.of(decision), VISITS, PatientScope.Range.ALL).stream()
                .map(entry -> toFhir(record.entry(decision, entry.entry().id())))
                .toList();
    }

    private static String status(EntryStatus status) {
        return status == EntryStatus.ENTERED_IN_ERROR ? "entered-in-error" : "finished";
    }

    /** The entry as FHIR: the resource it was imported from while unchanged, else the translator's. */
    private Encounter toFhir(EntryDetail entry) {
        return imported.orTranslated(entry, EncounterTranslator.toFhir(entry));
    }
}
