package org.medkarta.record;

import static org.medkarta.shared.Columns.utc;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.access.AccessDecision;
import org.medkarta.access.RecordAction;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.PatientId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Importing a record kept by another system (SPEC I3, E7; issue 15). Each incoming resource is kept
 * as it came, its references already rewritten to Medkarta's ids by the caller, and, where the
 * record has a kind of entry for it, filed as that entry with the same validation as a clinician's
 * form: the entry is what pages, charts and searches use, the kept resource is what an export gives
 * back. A resource that fits no kind of entry (a claim, a care plan, a device), or whose fields do
 * not pass the entry's validation (a diagnosis without an ICD-10 code), is kept as an attached source
 * document, never dropped.
 *
 * <p>Duplicates (E7): the same resource imported again is found by its identity in the sending
 * system ({@code sourceKey}) and creates nothing; the same content under other ids (an overlapping
 * export from another system) by its {@code fingerprint}; an entry a clinician already filed by the
 * record's own rule (same type, code, date and value). A resource that differs from an earlier one
 * only in its value is created and named as a possible duplicate of it.
 *
 * <p>Staff import with a decision for {@link RecordAction#IMPORT}; a patient (or their legal
 * representative) imports their own file with one for {@link RecordAction#CONTRIBUTE}, and what they
 * import is marked patient-reported.
 *
 * <p>One resource at a time ({@link #file}, inside a FHIR transaction Bundle's all-or-nothing) or a
 * whole import's resources for a record in JDBC batches ({@link #fileAll}). What was imported is read
 * back by {@link ImportedSources}.
 */
@Service
public class RecordImport {

    /** The entry's {@code source} for what staff imported. */
    public static final String CLINIC_IMPORT = "IMPORT";

    /** The entry's {@code source} for what the patient imported themself: patient-reported. */
    public static final String PATIENT_IMPORT = "PATIENT_IMPORT";

    private static final int CHUNK = 500;

    /**
     * One resource to import.
     *
     * @param id the Medkarta id chosen for it (other resources' references already point to it)
     * @param sourceKey its identity in the sending system, hashed
     * @param fingerprint what it says, hashed (type, code, time, value)
     * @param likeness what it says without its value, hashed; null when it has no value
     * @param type the kind of entry it becomes, or null to keep it as a source document
     * @param fields the entry's form fields, by {@link EntryType#fields()}
     * @param content the resource as JSON, its id and references Medkarta's
     */
    public record Incoming(
            UUID id,
            String resourceType,
            String sourceKey,
            String fingerprint,
            String likeness,
            EntryType type,
            Map<String, String> fields,
            String content) {}

    /** What became of an incoming resource. */
    public enum Outcome {
        /** Filed as a record entry. */
        CREATED,
        /** Kept as an attached source document. */
        KEPT,
        /** Already in the record: nothing written. */
        DUPLICATE
    }

    /**
     * @param id the Medkarta id it has (for a duplicate, the one already in the record)
     * @param similarTo an earlier resource that differs only in its value, if any
     * @param unmapped why it was kept rather than filed as an entry of its kind, if it was
     */
    public record Filed(UUID id, Outcome outcome, UUID similarTo, InvalidInput unmapped) {}

    private final Entries entries;
    private final RecordFiling filing;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;

    RecordImport(Entries entries, RecordFiling filing, JdbcClient jdbc, JdbcTemplate batch, Clock clock) {
        this.entries = entries;
        this.filing = filing;
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
    }

    /**
     * The ids the record already holds for incoming resources, by source key: the same resource
     * imported before, or the same content (fingerprint) imported before under another identity.
     *
     * @param probes source key to fingerprint
     */
    @Transactional(readOnly = true)
    public Map<String, UUID> known(AccessDecision decision, Map<String, String> probes) {
        expectImport(decision);
        var found = new HashMap<String, UUID>();
        var keys = new ArrayList<>(probes.keySet());
        for (int from = 0; from < keys.size(); from += CHUNK) {
            var chunk = keys.subList(from, Math.min(keys.size(), from + CHUNK));
            jdbc.sql("""
                            SELECT source_key, id FROM record_source_resource
                            WHERE patient_id = :patient AND source_key IN (:keys)
                            """)
                    .param("patient", decision.patient().value())
                    .param("keys", chunk)
                    .query((rs, n) -> Map.entry(rs.getString(1), rs.getObject(2, UUID.class)))
                    .list()
                    .forEach(hit -> found.put(hit.getKey(), hit.getValue()));
        }
        var byPrint = new HashMap<String, List<String>>();
        probes.forEach((key, print) -> {
            if (!found.containsKey(key)) {
                byPrint.computeIfAbsent(print, p -> new ArrayList<>()).add(key);
            }
        });
        var prints = new ArrayList<>(byPrint.keySet());
        for (int from = 0; from < prints.size(); from += CHUNK) {
            var chunk = prints.subList(from, Math.min(prints.size(), from + CHUNK));
            jdbc.sql("""
                            SELECT fingerprint, MIN(CAST(id AS VARCHAR(36))) FROM record_source_resource
                            WHERE patient_id = :patient AND fingerprint IN (:prints)
                            GROUP BY fingerprint
                            """)
                    .param("patient", decision.patient().value())
                    .param("prints", chunk)
                    .query((rs, n) -> Map.entry(rs.getString(1), UUID.fromString(rs.getString(2))))
                    .list()
                    .forEach(hit -> byPrint.get(hit.getKey()).forEach(key -> found.put(key, hit.getValue())));
        }
        return found;
    }

    /**
     * The record a Patient with this source key (its identity in the sending system) was imported
     * into, if one was: the same patient sent again by the same system. Nothing of the record is read;
     * the caller asks the access module before touching it.
     */
    @Transactional(readOnly = true)
    public Optional<PatientId> recordImportedAs(String patientSourceKey) {
        return jdbc.sql("""
                        SELECT patient_id FROM record_source_resource
                        WHERE resource_type = 'Patient' AND source_key = :key
                        ORDER BY imported_at
                        """).param("key", patientSourceKey).query(UUID.class).list().stream()
                .findFirst()
                .map(PatientId::new);
    }

    /**
     * Files one incoming resource: as an entry of its kind where it fits, kept as a source document
     * where it does not; nothing when the record holds it already. Joins the caller's transaction (a
     * FHIR transaction Bundle is all or nothing).
     *
     * @throws org.springframework.dao.DuplicateKeyException when a concurrent import filed the same
     *     resource first
     */
    @Transactional
    public Filed file(AccessDecision decision, SignedInUser actor, UUID importId, Incoming incoming) {
        expectImport(decision);
        boolean patientReported = decision.action() == RecordAction.CONTRIBUTE;
        var now = clock.instant();
        UUID entry = null;
        InvalidInput unmapped = null;
        if (incoming.type() != null) {
            try {
                var content = EntryContent.of(incoming.type(), incoming.fields(), LocalDate.now(clock));
                var filedBefore = entries.duplicateOutsideImports(decision.patient(), content);
                if (filedBefore.isPresent()) {
                    return new Filed(filedBefore.get(), Outcome.DUPLICATE, null, null);
                }
                entry = entries.insert(
                        incoming.id(),
                        decision.patient(),
                        content,
                        patientReported ? PATIENT_IMPORT : CLINIC_IMPORT,
                        null,
                        actor.userId(),
                        actor.displayName(),
                        patientReported ? "record.import.patient-reported" : "record.import.imported",
                        now);
            } catch (InvalidInput refused) {
                unmapped = refused;
            }
        }
        UUID similar = incoming.likeness() == null
                ? null
                : jdbc
                        .sql("""
                                SELECT id FROM record_source_resource
                                WHERE patient_id = :patient AND likeness = :likeness AND fingerprint <> :print
                                ORDER BY imported_at
                                """)
                        .param("patient", decision.patient().value())
                        .param("likeness", incoming.likeness())
                        .param("print", incoming.fingerprint())
                        .query(UUID.class)
                        .list()
                        .stream()
                        .findFirst()
                        .orElse(null);
        jdbc.sql("""
                        INSERT INTO record_source_resource (id, patient_id, resource_type, source_key, fingerprint,
                                                            likeness, entry_id, patient_reported, content, import_id,
                                                            imported_by, imported_at)
                        VALUES (:id, :patient, :type, :key, :print, :likeness, :entry, :reported, :content, :import,
                                :by, :at)
                        """)
                .param("id", incoming.id())
                .param("patient", decision.patient().value())
                .param("type", incoming.resourceType())
                .param("key", incoming.sourceKey())
                .param("print", incoming.fingerprint())
                .param("likeness", incoming.likeness())
                .param("entry", entry)
                .param("reported", patientReported)
                .param("content", incoming.content())
                .param("import", importId)
                .param("by", actor.userId().value())
                .param("at", utc(now))
                .update();
        return new Filed(incoming.id(), entry != null ? Outcome.CREATED : Outcome.KEPT, similar, unmapped);
    }

    /**
     * Files a whole import's resources into one record, each as {@link #file} files it, in that order,
     * with a few statements for all of them instead of several for each: the record's entries a
     * clinician filed (for duplicates) and its kept resources of the same likeness are read once, and
     * the new entries, their versions and fields and the kept resources are written as JDBC batches.
     * Joins the caller's transaction (a FHIR transaction Bundle is all or nothing).
     *
     * @return what became of each, in the order given
     * @throws org.springframework.dao.DuplicateKeyException when a concurrent import filed one of the
     *     same resources first
     */
    @Transactional
    public List<Filed> fileAll(AccessDecision decision, SignedInUser actor, UUID importId, List<Incoming> incomings) {
        expectImport(decision);
        if (incomings.isEmpty()) {
            return List.of();
        }
        boolean patientReported = decision.action() == RecordAction.CONTRIBUTE;
        var now = clock.instant();
        var patient = decision.patient();
        Map<Entries.DuplicateKey, UUID> filedBefore = null;
        var news = new ArrayList<Entries.NewEntry>();
        var likenesses = new HashMap<String, List<String[]>>();
        for (var incoming : incomings) {
            if (incoming.likeness() != null) {
                likenesses.put(incoming.likeness(), new ArrayList<>());
            }
        }
        var wanted = new ArrayList<>(likenesses.keySet());
        for (int from = 0; from < wanted.size(); from += CHUNK) {
            jdbc.sql("""
                            SELECT likeness, fingerprint, id FROM record_source_resource
                            WHERE patient_id = :patient AND likeness IN (:likenesses)
                            ORDER BY imported_at
                            """)
                    .param("patient", patient.value())
                    .param("likenesses", wanted.subList(from, Math.min(wanted.size(), from + CHUNK)))
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                    .list()
                    .forEach(row -> likenesses.get(row[0]).add(row));
        }
        var filed = new ArrayList<Filed>();
        var kept = new ArrayList<Object[]>();
        for (var incoming : incomings) {
            UUID entry = null;
            InvalidInput unmapped = null;
            Filed duplicate = null;
            if (incoming.type() != null) {
                try {
                    var content = EntryContent.of(incoming.type(), incoming.fields(), LocalDate.now(clock));
                    if (filedBefore == null) {
                        filedBefore = entries.outsideImports(patient);
                    }
                    var before = filedBefore.get(Entries.DuplicateKey.of(content));
                    if (before != null) {
                        duplicate = new Filed(before, Outcome.DUPLICATE, null, null);
                    } else {
                        entry = incoming.id();
                        news.add(new Entries.NewEntry(entry, patient, content));
                    }
                } catch (InvalidInput refused) {
                    unmapped = refused;
                }
            }
            if (duplicate != null) {
                filed.add(duplicate);
                continue;
            }
            UUID similar = null;
            if (incoming.likeness() != null) {
                var alike = likenesses.get(incoming.likeness());
                similar = alike.stream()
                        .filter(row -> !row[1].equals(incoming.fingerprint()))
                        .findFirst()
                        .map(row -> UUID.fromString(row[2]))
                        .orElse(null);
                alike.add(new String[] {
                    incoming.likeness(), incoming.fingerprint(), incoming.id().toString()
                });
            }
            kept.add(new Object[] {
                incoming.id(),
                patient.value(),
                incoming.resourceType(),
                incoming.sourceKey(),
                incoming.fingerprint(),
                incoming.likeness(),
                entry,
                patientReported,
                incoming.content(),
                importId,
                actor.userId().value(),
                utc(now)
            });
            filed.add(new Filed(incoming.id(), entry != null ? Outcome.CREATED : Outcome.KEPT, similar, unmapped));
        }
        entries.insertAll(
                news,
                patientReported ? PATIENT_IMPORT : CLINIC_IMPORT,
                actor.userId(),
                actor.displayName(),
                patientReported ? "record.import.patient-reported" : "record.import.imported",
                now);
        if (!kept.isEmpty()) {
            batch.batchUpdate("""
                    INSERT INTO record_source_resource (id, patient_id, resource_type, source_key, fingerprint,
                                                        likeness, entry_id, patient_reported, content, import_id,
                                                        imported_by, imported_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, kept);
        }
        return filed;
    }

    private void expectImport(AccessDecision decision) {
        if (decision == null
                || (decision.action() != RecordAction.IMPORT && decision.action() != RecordAction.CONTRIBUTE)) {
            throw new IllegalArgumentException("An import needs a decision for IMPORT or CONTRIBUTE");
        }
        filing.open(decision.patient());
    }
}
