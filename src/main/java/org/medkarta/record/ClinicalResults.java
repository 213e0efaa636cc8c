package org.medkarta.record;

import java.util.ArrayList;
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
 * paged in the database. The reader sees what {@link MedicalRecord#record} shows them: in the patient
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
     * One page of the results of the record the decision opened, with how many match in all. The
     * access decision, taken and audited by the caller, is the only way in: nothing of another record
     * is read, counted or returned.
     */
    @Transactional(readOnly = true)
    public RecordResults results(AccessDecision decision, RecordQuery query) {
        MedicalRecord.expect(decision, RecordAction.VIEW);
        PatientId patient = decision.patient();
        boolean patientAccount = MedicalRecord.patientAccount(decision);
        int total = index.count(patient, query, patientAccount);
        var hits = total == 0 ? List.<RecordResultsIndex.Hit>of() : index.page(patient, query, patientAccount);
        var bySource = hits.stream()
                .collect(Collectors.groupingBy(
                        RecordResultsIndex.Hit::source,
                        Collectors.mapping(RecordResultsIndex.Hit::id, Collectors.toList())));
        var entryIds = bySource.getOrDefault('E', List.of());
        var updated = entries.updatedAt(entryIds);
        var fields = entries.currentFields(entryIds);
        Map<UUID, RecordResults.Item> found = new java.util.HashMap<>();
        for (var row : entries.byIds(patient, entryIds)) {
            var detail = new EntryDetail(
                    row.id(),
                    row.patientId(),
                    row.type(),
                    row.status(),
                    row.version(),
                    row.date(),
                    row.code(),
                    row.title(),
                    MedicalRecord.ordered(row.type(), fields.getOrDefault(row.id(), Map.of())),
                    row.value(),
                    row.unit(),
                    row.referenceLow(),
                    row.referenceHigh(),
                    row.flag(),
                    row.source(),
                    List.of());
            found.put(row.id(), new RecordResults.Item(detail, null, null, row.createdAt(), updated.get(row.id())));
        }
        for (var reading : diaries.byIds(patient, bySource.getOrDefault('R', List.of()))) {
            found.put(
                    reading.id(),
                    new RecordResults.Item(null, reading, null, reading.measuredAt(), reading.measuredAt()));
        }
        for (var upload : uploads.byIds(patient, bySource.getOrDefault('U', List.of()))) {
            var changed = upload.decidedAt() == null ? upload.uploadedAt() : upload.decidedAt();
            found.put(upload.id(), new RecordResults.Item(null, null, upload, upload.uploadedAt(), changed));
        }
        var page = new ArrayList<RecordResults.Item>();
        for (var hit : hits) {
            Optional.ofNullable(found.get(hit.id())).ifPresent(page::add);
        }
        return new RecordResults(page, total, decision.mayDownload());
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
