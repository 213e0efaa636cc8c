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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.IdType;
import org.medkarta.access.AccessAudit;
import org.medkarta.access.AccessRefusal;
import org.medkarta.access.RecordAccess;
import org.medkarta.access.RecordRef;
import org.medkarta.access.Relation;
import org.medkarta.audit.AuditRecord;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PatientId;
import org.springframework.stereotype.Component;

/**
 * The patient's access log (SPEC G3) as AuditEvents: who opened the record, for the patient or their
 * legal representative, as the access log API shows it (its newest 500 entries, the reading itself
 * included, which is one entry of the audit trail). Anyone else gets 404 on read and nothing from a
 * search.
 */
@Component
class AuditEventProvider implements IResourceProvider {

    private static final Set<String> DATES = Set.of(AuditEvent.SP_DATE);

    /** Who may read a record's access log: the access log API answers them alone. */
    private static final Set<Relation> READERS = EnumSet.of(Relation.SELF, Relation.PARENT);

    private final AccessAudit log;
    private final RecordAccess access;
    private final PatientScope scope;
    private final CareSort sorts;

    AuditEventProvider(AccessAudit log, RecordAccess access, PatientScope scope, CareSort sorts) {
        this.sorts = sorts;
        this.scope = scope;
        this.log = log;
        this.access = access;
    }

    @Override
    public Class<AuditEvent> getResourceType() {
        return AuditEvent.class;
    }

    /** {@code <record id>-<sequence number>}: one of the record's newest 500 entries, or 404. */
    @Read
    public AuditEvent read(@IdParam IdType id) {
        var caller = FhirCaller.required();
        String wanted = id == null ? null : id.getIdPart();
        if (wanted == null || wanted.length() < 38 || wanted.charAt(36) != '-') {
            throw new NotFound();
        }
        var record = FhirIds.parse(wanted.substring(0, 36), PatientId::new);
        return log.of(caller, record).stream()
                .filter(entry -> AuditEventTranslator.id(entry).equals(wanted))
                .findFirst()
                .map(AuditEventTranslator::toFhir)
                .orElseThrow(NotFound::new);
    }

    /**
     * {@code patient}/{@code entity} the record (without it, every record whose log the caller may
     * read); {@code date} with prefixes; {@code outcome} (0 success, 4 refused); {@code _sort} by date.
     */
    @Search
    public IBundleProvider search(
            @OptionalParam(name = AuditEvent.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = AuditEvent.SP_ENTITY) ReferenceParam entity,
            @OptionalParam(name = AuditEvent.SP_DATE) DateRangeParam date,
            @OptionalParam(name = AuditEvent.SP_OUTCOME) TokenOrListParam outcome,
            @Sort SortSpec sort,
            @Offset Integer offset,
            @Count Integer count) {
        var caller = FhirCaller.required();
        var dates = scope.range(date);
        var found = new ArrayList<AuditRecord>();
        for (PatientId record : records(caller, patient, entity)) {
            found.addAll(entries(caller, record));
        }
        var matching = found.stream()
                .filter(entry -> dates.contains(entry.at()))
                .filter(entry -> PatientScope.matches(
                        outcome, AuditEventTranslator.OUTCOME_SYSTEM, AuditEventTranslator.outcome(entry)))
                .sorted(Comparator.comparing(AuditRecord::seq).reversed())
                .toList();
        return CareSearch.page(sorts.sorted(matching, sort, DATES), offset, count, AuditEventTranslator::toFhir);
    }

    private List<PatientId> records(SignedInUser caller, ReferenceParam patient, ReferenceParam entity) {
        if (patient != null || entity != null) {
            return CareSearch.named(patient, entity).map(List::of).orElse(List.of());
        }
        return access.records(caller).stream()
                .filter(record -> READERS.contains(record.relation()))
                .map(RecordRef::patientId)
                .toList();
    }

    private List<AuditRecord> entries(SignedInUser caller, PatientId record) {
        try {
            return log.of(caller, record);
        } catch (NotFound | AccessRefusal refused) {
            return List.of();
        }
    }
}
