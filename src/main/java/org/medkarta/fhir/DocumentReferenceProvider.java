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
import java.util.Set;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;
import org.medkarta.access.AccessDecision;
import org.medkarta.record.ClinicalResults;
import org.medkarta.record.EntryStatus;
import org.medkarta.record.EntryType;
import org.medkarta.record.RecordResults;
import org.medkarta.record.UploadKind;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.PublicUrl;
import org.springframework.stereotype.Component;

/**
 * Exam protocols, discharge summaries and uploads as DocumentReferences, within the record the caller
 * may open. An upload's attachment URL is the REST API's download, given only to a reader whose
 * grounds let them download from the record (a grantee with {@code VIEW} only gets none: the REST API
 * would refuse them).
 */
@Component
class DocumentReferenceProvider implements IResourceProvider {

    private final ImportedResources imported;
    private final PatientScope scope;
    private final ResultsRefusals refusals;
    private final ClinicalResults results;
    private final PublicUrl publicUrl;

    DocumentReferenceProvider(
            PatientScope scope,
            ResultsRefusals refusals,
            ClinicalResults results,
            PublicUrl publicUrl,
            ImportedResources imported) {
        this.imported = imported;
        this.scope = scope;
        this.refusals = refusals;
        this.results = results;
        this.publicUrl = publicUrl;
    }

    @Override
    public Class<DocumentReference> getResourceType() {
        return DocumentReference.class;
    }

    @Read
    public DocumentReference read(@IdParam IdType id) {
        var result = FhirIds.parse(id, uuid -> uuid);
        var decision = scope.read(results.recordOf(result).orElseThrow(NotFound::new));
        var found = results.results(List.of(decision), all().query(result, null, null));
        if (found.items().isEmpty()) {
            throw new NotFound();
        }
        return translate(found.items().get(0));
    }

    /**
     * {@code patient} or {@code subject}; {@code type} (LOINC 11488-4 consult note, 18842-5 discharge
     * summary, Medkarta's patient-upload and vaccination-proof); {@code date} (when filed) with
     * prefixes; {@code status} (current, entered-in-error); {@code _sort} by date.
     */
    @Search
    public IBundleProvider search(
            @OptionalParam(name = DocumentReference.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = DocumentReference.SP_SUBJECT) ReferenceParam subject,
            @OptionalParam(name = DocumentReference.SP_TYPE) TokenOrListParam type,
            @OptionalParam(name = DocumentReference.SP_DATE) DateRangeParam date,
            @OptionalParam(name = DocumentReference.SP_STATUS) TokenOrListParam status,
            @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
            @Sort SortSpec sort,
            @Offset Integer offset,
            @Count Integer count) {
        var filter = all().where(type, DocumentReferenceProvider::type)
                .statuses(status, DocumentReferenceProvider::status)
                .date(scope.range(date))
                .lastUpdated(scope.range(lastUpdated))
                .sort(sort, DocumentReference.SP_DATE);
        var records = scope.search(patient, subject);
        if (records.isEmpty()) {
            return ResultsFilter.empty(offset, count);
        }
        var page = results.results(records, filter.query(null, offset, count));
        return ResultsFilter.page(page, offset, count, this::translate);
    }

    /** Every DocumentReference of the record {@code decision} opened, as its reader may see it: for {@link PatientEverything}. */
    List<DocumentReference> everything(AccessDecision decision) {
        return ResultsFilter.every(results, decision, all(), this::translate);
    }

    private ResultsFilter all() {
        return new ResultsFilter(
                refusals,
                Set.of(EntryType.EXAM_PROTOCOL, EntryType.HOSPITALISATION),
                Set.of(),
                EnumSet.allOf(UploadKind.class),
                true);
    }

    private DocumentReference translate(RecordResults.Item item) {
        if (item.upload() == null) {
            return imported.orTranslated(
                    item.entry(), DocumentReferenceTranslator.entry(item.entry(), item.filedAt(), item.updatedAt()));
        }
        var upload = item.upload();
        String url = item.downloadable()
                ? publicUrl.of("/api/v1/patients/" + item.patient().value() + "/documents/" + upload.id() + "/content")
                : null;
        return DocumentReferenceTranslator.upload(upload, item.patient(), url);
    }

    static ResultsFilter.Match type(TokenParam token) {
        if (is(token, DocumentReferenceTranslator.CONSULT_NOTE)) {
            return ResultsFilter.Match.entries(EntryType.EXAM_PROTOCOL);
        }
        if (is(token, DocumentReferenceTranslator.DISCHARGE_SUMMARY)) {
            return ResultsFilter.Match.entries(EntryType.HOSPITALISATION);
        }
        if (is(token, DocumentReferenceTranslator.PATIENT_UPLOAD)) {
            return new ResultsFilter.Match(Set.of(), Set.of(), Set.of(), Set.of(UploadKind.DOCUMENT));
        }
        if (is(token, DocumentReferenceTranslator.VACCINATION_PROOF)) {
            return new ResultsFilter.Match(Set.of(), Set.of(), Set.of(), Set.of(UploadKind.VACCINATION));
        }
        return ResultsFilter.Match.NOTHING;
    }

    private static boolean is(TokenParam token, Coding coding) {
        return coding.getCode()
                        .equals(
                                token.getValue() == null
                                        ? null
                                        : token.getValue().strip())
                && (token.getSystem() == null || coding.getSystem().equals(token.getSystem()));
    }

    static Set<EntryStatus> status(String status) {
        return switch (status == null ? "" : status) {
            case "current" -> Set.of(EntryStatus.CURRENT, EntryStatus.AMENDED);
            case "entered-in-error" -> Set.of(EntryStatus.ENTERED_IN_ERROR);
            default -> Set.of();
        };
    }
}
