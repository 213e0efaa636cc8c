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
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.medkarta.access.AccessDecision;
import org.medkarta.record.EntryDetail;
import org.medkarta.record.EntryType;
import org.medkarta.record.RecordReading;
import org.medkarta.shared.PatientId;
import org.springframework.stereotype.Component;

/**
 * The record's procedures (процедуры, манипуляции, операции) as Procedures. Order 003's Appendix 1
 * does not list them among what the patient account shows, so, as with diagnoses, clinicians in care
 * see them and the patient's side (the patient, a parent, a grantee) finds none; anyone else reads
 * 404. Each read and search is one audit entry per record opened, through {@link PatientScope}.
 */
@Component
class ProcedureProvider implements IResourceProvider {

    private static final Set<EntryType> PROCEDURES = Set.of(EntryType.PROCEDURE);

    private final ImportedResources imported;
    private final PatientScope scope;
    private final RecordReading record;
    private final PatientProvider patients;

    ProcedureProvider(PatientScope scope, RecordReading record, PatientProvider patients, ImportedResources imported) {
        this.imported = imported;
        this.scope = scope;
        this.record = record;
        this.patients = patients;
    }

    @Override
    public Class<Procedure> getResourceType() {
        return Procedure.class;
    }

    @Read
    public Procedure read(@IdParam IdType id) {
        return toFhir(CareEntries.read(scope, record, FhirIds.parse(id, Function.identity()), EntryType.PROCEDURE));
    }

    /**
     * {@code patient}/{@code subject} the record; {@code code} an НМУ code ({@code
     * urn:oid:1.2.643.5.1.13.13.11.1070|A16.20.036}) or another, or the code alone; {@code date} the
     * day it was done, with prefixes; {@code status} {@code completed} or {@code entered-in-error};
     * {@code _include} of the patient; newest first.
     */
    @Search
    public IBundleProvider search(
            @OptionalParam(name = Procedure.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Procedure.SP_SUBJECT) ReferenceParam subject,
            @OptionalParam(name = Procedure.SP_CODE) TokenOrListParam code,
            @OptionalParam(name = Procedure.SP_DATE) DateRangeParam date,
            @OptionalParam(name = Procedure.SP_STATUS) TokenOrListParam status,
            @IncludeParam(allow = {"Procedure:patient", "Procedure:subject"}) Set<Include> includes,
            @Offset Integer offset,
            @Count Integer count) {
        var found =
                RecordEntrySearch.list(record, scope.search(patient, subject), PROCEDURES, scope.range(date)).stream()
                        .filter(entry -> PatientScope.matches(
                                status,
                                ProcedureTranslator.STATUS_SYSTEM,
                                ProcedureTranslator.status(entry.entry().status())))
                        .toList();
        var subjects = new HashMap<PatientId, Patient>();
        Function<RecordEntrySearch.Found, Procedure> open = entry -> {
            var procedure = toFhir(record.entry(entry.decision(), entry.entry().id()));
            if (includes != null && !includes.isEmpty()) {
                procedure
                        .getSubject()
                        .setResource(subjects.computeIfAbsent(
                                entry.decision().patient(), id -> patients.patient(entry.decision())));
            }
            return procedure;
        };
        if (code == null) {
            return RecordEntrySearch.page(found, offset, count, open);
        }
        // The code is in the entry itself: a record's procedures are few, each opened to match.
        var matching = found.stream()
                .map(open)
                .filter(procedure -> procedure.getCode().getCoding().stream()
                        .anyMatch(coding -> PatientScope.matches(code, coding.getSystem(), coding.getCode())))
                .toList();
        return Pages.of(matching, offset, count);
    }

    /** The entry as FHIR: the resource it was imported from while unchanged, else the translator's. */
    private Procedure toFhir(EntryDetail entry) {
        return imported.orTranslated(entry, ProcedureTranslator.toFhir(entry));
    }

    /** Every entry of this kind of the record {@code decision} opened, as its reader may see it: for {@link PatientEverything}. */
    List<Procedure> everything(AccessDecision decision) {
        return RecordEntrySearch.list(record, List.of(decision), PROCEDURES, PatientScope.Range.ALL).stream()
                .map(entry -> toFhir(record.entry(decision, entry.entry().id())))
                .toList();
    }
}
