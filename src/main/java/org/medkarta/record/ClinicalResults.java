package org.medkarta.record;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.medkarta.access.AccessDecision;
import org.medkarta.access.RecordAction;
import org.medkarta.shared.PatientId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A record's results for standard interfaces (FHIR, SPEC I2): laboratory results, studies,
 * protocols, discharge summaries, diary readings and uploads in one list, filtered, counted and
 * paged in the database. The reader sees what {@link RecordReading#record} shows them: in the patient
 * account only what Appendix 1 of order 003 lists, from its dates.
 */
@Service
public class ClinicalResults {

    private final RecordResultsIndex index;
    private final Entries entries;
    private final Diaries diaries;
    private final PatientUploads uploads;
    private final JdbcClient jdbc;

    ClinicalResults(
            RecordResultsIndex index, Entries entries, Diaries diaries, PatientUploads uploads, JdbcClient jdbc) {
        this.index = index;
        this.entries = entries;
        this.diaries = diaries;
        this.uploads = uploads;
        this.jdbc = jdbc;
    }

    /**
     * One page of the results of the records the decisions opened, with how many match in all. The
     * access decisions, taken and audited by the caller, are the only way in: nothing of another
     * record is read, counted or returned. A record read in the patient account (the patient, a
     * parent, a grantee) shows only what Appendix 1 of order 003 lists; a clinician's, everything.
     */
    @Transactional(readOnly = true)
    public RecordResults results(Collection<AccessDecision> decisions, RecordQuery query) {
        var account = new LinkedHashSet<PatientId>();
        var clinical = new LinkedHashSet<PatientId>();
        var downloadable = new HashMap<PatientId, Boolean>();
        for (var decision : decisions) {
            RecordRules.expect(decision, RecordAction.VIEW);
            (RecordRules.patientAccount(decision) ? account : clinical).add(decision.patient());
            downloadable.merge(decision.patient(), decision.mayDownload(), Boolean::logicalOr);
        }
        // A record opened twice, once as a clinician, is read as the clinician reads it.
        account.removeAll(clinical);
        // The page and the count in one statement; only a page with no row (none asked for, or past
        // the end) asks for the count apart.
        var paged = index.page(account, clinical, query);
        var hits = paged.hits();
        int total = !hits.isEmpty()
                ? paged.total()
                : query.count() == 0 || query.offset() > 0 ? index.count(account, clinical, query) : 0;
        var bySource = hits.stream()
                .collect(Collectors.groupingBy(
                        RecordResultsIndex.Hit::source,
                        Collectors.mapping(RecordResultsIndex.Hit::id, Collectors.toList())));
        var patients = downloadable.keySet();
        var entryIds = bySource.getOrDefault('E', List.of());
        var fields = entries.currentFields(entryIds);
        Map<UUID, RecordResults.Item> found = new HashMap<>();
        for (var row : entries.byIds(patients, entryIds)) {
            var detail = RecordRules.detail(row, fields.getOrDefault(row.id(), Map.of()), List.of());
            found.put(
                    row.id(),
                    new RecordResults.Item(
                            row.patientId(),
                            detail,
                            null,
                            null,
                            row.createdAt(),
                            row.updatedAt(),
                            downloadable.get(row.patientId())));
        }
        for (var owned : diaries.byIds(patients, bySource.getOrDefault('R', List.of()))) {
            var reading = owned.reading();
            found.put(
                    reading.id(),
                    new RecordResults.Item(
                            owned.patient(),
                            null,
                            reading,
                            null,
                            reading.measuredAt(),
                            reading.measuredAt(),
                            downloadable.get(owned.patient())));
        }
        for (var upload : uploads.byIds(patients, bySource.getOrDefault('U', List.of()))) {
            var changed = upload.decidedAt() == null ? upload.uploadedAt() : upload.decidedAt();
            found.put(
                    upload.id(),
                    new RecordResults.Item(
                            upload.patientId(),
                            null,
                            null,
                            upload,
                            upload.uploadedAt(),
                            changed,
                            downloadable.get(upload.patientId())));
        }
        var page = new ArrayList<RecordResults.Item>();
        for (var hit : hits) {
            Optional.ofNullable(found.get(hit.id())).ifPresent(page::add);
        }
        return new RecordResults(page, total);
    }

    /**
     * Whose record holds the entry, diary reading or upload of this id, for a reader who names a
     * result by its id alone: the caller asks the access module's policy point about that record
     * next, and shows nothing unless it says yes. It tells nothing of the result itself.
     */
    @Transactional(readOnly = true)
    public Optional<PatientId> recordOf(UUID resultId) {
        Function<String, Optional<PatientId>> in =
                table -> jdbc.sql("SELECT patient_id FROM " + table + " WHERE id = :id")
                        .param("id", resultId)
                        .query((rs, n) -> new PatientId(rs.getObject(1, UUID.class)))
                        .optional();
        return in.apply("record_entry")
                .or(() -> in.apply("record_diary_reading"))
                .or(() -> in.apply("record_upload"));
    }
}
