package org.medkarta.record;

import static org.medkarta.shared.Columns.instant;
import static org.medkarta.shared.Columns.utc;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Record entries and their versions. A new version never overwrites an old one: the entry row holds
 * the current state, the version rows everything that was ever filed.
 */
@Repository
class Entries {

    /** The current state of an entry. */
    record Row(
            UUID id,
            PatientId patientId,
            EntryType type,
            EntryStatus status,
            int version,
            LocalDate date,
            String code,
            String title,
            BigDecimal value,
            String unit,
            BigDecimal referenceLow,
            BigDecimal referenceHigh,
            String flag,
            boolean radiology,
            String source,
            Instant seenAt,
            Instant createdAt,
            Instant updatedAt) {

        /** Whether order 003 Appendix 1 lets the patient account show this entry. */
        boolean shownInPatientAccount() {
            return status != EntryStatus.ENTERED_IN_ERROR
                    && type.shownToPatientFrom(radiology)
                            .map(from -> !date.isBefore(from))
                            .orElse(false);
        }
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    Entries(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** An entry in force with the same type, code, date and value (SPEC E7). */
    Optional<UUID> duplicateOf(PatientId patient, EntryContent content, UUID except) {
        return jdbc
                .sql("""
                        SELECT id FROM record_entry
                        WHERE patient_id = :patient AND type = :type AND effective_date = :date
                          AND COALESCE(code, '') = :code AND COALESCE(value_key, '') = :value
                          AND status <> 'ENTERED_IN_ERROR' AND id <> :except
                        ORDER BY created_at
                        """)
                .param("patient", patient.value())
                .param("type", content.type().name())
                .param("date", content.date())
                .param("code", content.code() == null ? "" : content.code())
                .param("value", content.valueKey() == null ? "" : content.valueKey())
                .param("except", except == null ? new UUID(0, 0) : except)
                .query(UUID.class)
                .list()
                .stream()
                .findFirst();
    }

    /** An entry in force with the same type, code, date and value that no import filed (SPEC E7). */
    Optional<UUID> duplicateOutsideImports(PatientId patient, EntryContent content) {
        return jdbc
                .sql("""
                        SELECT id FROM record_entry
                        WHERE patient_id = :patient AND type = :type AND effective_date = :date
                          AND COALESCE(code, '') = :code AND COALESCE(value_key, '') = :value
                          AND status <> 'ENTERED_IN_ERROR' AND source NOT IN ('IMPORT', 'PATIENT_IMPORT')
                        ORDER BY created_at
                        """)
                .param("patient", patient.value())
                .param("type", content.type().name())
                .param("date", content.date())
                .param("code", content.code() == null ? "" : content.code())
                .param("value", content.valueKey() == null ? "" : content.valueKey())
                .query(UUID.class)
                .list()
                .stream()
                .findFirst();
    }

    /** What two entries share when one is a duplicate of the other (SPEC E7): type, date, code and value. */
    record DuplicateKey(EntryType type, LocalDate date, String code, String value) {

        static DuplicateKey of(EntryContent content) {
            return new DuplicateKey(
                    content.type(),
                    content.date(),
                    content.code() == null ? "" : content.code(),
                    content.valueKey() == null ? "" : content.valueKey());
        }
    }

    /**
     * Every entry in force that no import filed, by its {@link DuplicateKey}, the earliest filed where
     * several share one: {@link #duplicateOutsideImports} for a whole import at once, in one statement.
     */
    Map<DuplicateKey, UUID> outsideImports(PatientId patient) {
        var found = new HashMap<DuplicateKey, UUID>();
        jdbc.sql("""
                        SELECT id, type, effective_date, COALESCE(code, '') AS code, COALESCE(value_key, '') AS value_key
                        FROM record_entry
                        WHERE patient_id = :patient AND status <> 'ENTERED_IN_ERROR'
                          AND source NOT IN ('IMPORT', 'PATIENT_IMPORT')
                        ORDER BY created_at
                        """)
                .param("patient", patient.value())
                .query((rs, n) -> Map.entry(
                        new DuplicateKey(
                                EntryType.valueOf(rs.getString("type")),
                                rs.getObject("effective_date", LocalDate.class),
                                rs.getString("code"),
                                rs.getString("value_key")),
                        rs.getObject("id", UUID.class)))
                .list()
                .forEach(hit -> found.putIfAbsent(hit.getKey(), hit.getValue()));
        return found;
    }

    /** An entry to file as its version 1 with an id chosen beforehand, for {@link #insertAll}. */
    record NewEntry(UUID id, PatientId patient, EntryContent content) {}

    /**
     * Files new entries as their version 1, as {@link #insert} files one, with each statement sent once
     * for all of them (JDBC batches: an import's entries, fields and versions in three round trips).
     */
    void insertAll(List<NewEntry> news, String source, UserId author, String authorName, String reason, Instant at) {
        if (news.isEmpty()) {
            return;
        }
        var when = utc(at);
        var rows = new ArrayList<Object[]>();
        var versions = new ArrayList<Object[]>();
        var fields = new ArrayList<Object[]>();
        for (var entry : news) {
            var content = entry.content();
            rows.add(new Object[] {
                entry.id(),
                entry.patient().value(),
                content.type().name(),
                content.date(),
                content.code(),
                content.title(),
                content.valueKey(),
                content.valueNum(),
                content.unit(),
                content.referenceLow(),
                content.referenceHigh(),
                content.flag(),
                content.radiology(),
                source,
                when,
                when
            });
            versions.add(new Object[] {
                entry.id(),
                1,
                EntryStatus.CURRENT.name(),
                content.date(),
                content.code(),
                content.title(),
                reason,
                author.value(),
                authorName,
                when
            });
            content.fields().forEach((name, value) -> fields.add(new Object[] {entry.id(), 1, name, value}));
        }
        batch.batchUpdate("""
                INSERT INTO record_entry (id, patient_id, type, status, version, effective_date, code, title,
                                          value_key, value_num, unit, ref_low, ref_high, flag, radiology,
                                          source, source_ref, created_at, updated_at)
                VALUES (?, ?, ?, 'CURRENT', 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)
                """, rows);
        batch.batchUpdate("""
                INSERT INTO record_entry_version (entry_id, version, status, effective_date, code, title, reason,
                                                  author_id, author_name, at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, versions);
        if (!fields.isEmpty()) {
            batch.batchUpdate(
                    "INSERT INTO record_entry_field (entry_id, version, name, content) VALUES (?, ?, ?, ?)", fields);
        }
    }

    boolean existsBySource(String sourceRef) {
        return jdbc.sql("SELECT COUNT(*) FROM record_entry WHERE source_ref = :ref")
                        .param("ref", sourceRef)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Files a new entry as its version 1. */
    UUID insert(
            PatientId patient,
            EntryContent content,
            String source,
            String sourceRef,
            UserId author,
            String authorName,
            String reason,
            Instant at) {
        return insert(UUID.randomUUID(), patient, content, source, sourceRef, author, authorName, reason, at);
    }

    /** Files a new entry with an id chosen beforehand (an import that rewrote references to it). */
    UUID insert(
            UUID id,
            PatientId patient,
            EntryContent content,
            String source,
            String sourceRef,
            UserId author,
            String authorName,
            String reason,
            Instant at) {
        jdbc.sql("""
                        INSERT INTO record_entry (id, patient_id, type, status, version, effective_date, code, title,
                                                  value_key, value_num, unit, ref_low, ref_high, flag, radiology,
                                                  source, source_ref, created_at, updated_at)
                        VALUES (:id, :patient, :type, 'CURRENT', 1, :date, :code, :title, :valueKey, :value, :unit,
                                :low, :high, :flag, :radiology, :source, :sourceRef, :at, :at)
                        """)
                .param("id", id)
                .param("patient", patient.value())
                .param("type", content.type().name())
                .param("date", content.date())
                .param("code", content.code())
                .param("title", content.title())
                .param("valueKey", content.valueKey())
                .param("value", content.valueNum())
                .param("unit", content.unit())
                .param("low", content.referenceLow())
                .param("high", content.referenceHigh())
                .param("flag", content.flag())
                .param("radiology", content.radiology())
                .param("source", source)
                .param("sourceRef", sourceRef)
                .param("at", utc(at))
                .update();
        insertVersion(id, 1, EntryStatus.CURRENT, content, author, authorName, reason, at);
        return id;
    }

    /**
     * Files version {@code expected + 1}; false when someone else filed a version first, so two
     * corrections never silently overwrite one another.
     */
    boolean newVersion(
            Row current,
            EntryStatus status,
            EntryContent content,
            UserId author,
            String authorName,
            String reason,
            Instant at) {
        int next = current.version() + 1;
        int updated = jdbc.sql("""
                        UPDATE record_entry SET status = :status, version = :next, effective_date = :date, code = :code,
                               title = :title, value_key = :valueKey, value_num = :value, unit = :unit, ref_low = :low,
                               ref_high = :high, flag = :flag, radiology = :radiology, updated_at = :at, seen_at = NULL
                        WHERE id = :id AND version = :expected
                        """)
                .param("status", status.name())
                .param("next", next)
                .param("date", content.date())
                .param("code", content.code())
                .param("title", content.title())
                .param("valueKey", content.valueKey())
                .param("value", content.valueNum())
                .param("unit", content.unit())
                .param("low", content.referenceLow())
                .param("high", content.referenceHigh())
                .param("flag", content.flag())
                .param("radiology", content.radiology())
                .param("at", utc(at))
                .param("id", current.id())
                .param("expected", current.version())
                .update();
        if (updated == 0) {
            return false;
        }
        insertVersion(current.id(), next, status, content, author, authorName, reason, at);
        return true;
    }

    private void insertVersion(
            UUID entry,
            int version,
            EntryStatus status,
            EntryContent content,
            UserId author,
            String authorName,
            String reason,
            Instant at) {
        jdbc.sql("""
                        INSERT INTO record_entry_version (entry_id, version, status, effective_date, code, title, reason,
                                                          author_id, author_name, at)
                        VALUES (:entry, :version, :status, :date, :code, :title, :reason, :author, :name, :at)
                        """)
                .param("entry", entry)
                .param("version", version)
                .param("status", status.name())
                .param("date", content.date())
                .param("code", content.code())
                .param("title", content.title())
                .param("reason", reason)
                .param("author", author.value())
                .param("name", authorName)
                .param("at", utc(at))
                .update();
        // The fields in one batch: one round trip to the database however many the type has.
        var fields = new ArrayList<Object[]>();
        content.fields().forEach((name, value) -> fields.add(new Object[] {entry, version, name, value}));
        if (!fields.isEmpty()) {
            batch.batchUpdate(
                    "INSERT INTO record_entry_field (entry_id, version, name, content) VALUES (?, ?, ?, ?)", fields);
        }
    }

    Optional<Row> find(PatientId patient, UUID entry) {
        return jdbc.sql("SELECT * FROM record_entry WHERE id = :id AND patient_id = :patient")
                .param("id", entry)
                .param("patient", patient.value())
                .query((rs, n) -> row(rs))
                .optional();
    }

    /** The record an entry belongs to. */
    Optional<PatientId> patientOf(UUID entry) {
        return jdbc.sql("SELECT patient_id FROM record_entry WHERE id = :id")
                .param("id", entry)
                .query(UUID.class)
                .optional()
                .map(PatientId::new);
    }

    /**
     * The entries of a record, newest first. In the patient account only what Appendix 1 of order
     * 003 lists, from its dates, and nothing entered in error.
     */
    List<Row> list(PatientId patient, RecordFilter filter, boolean patientAccount) {
        var sql = new StringBuilder("SELECT * FROM record_entry WHERE patient_id = :patient");
        Map<String, Object> params = new HashMap<>();
        params.put("patient", patient.value());
        if (filter.type() != null) {
            sql.append(" AND type = :type");
            params.put("type", filter.type().name());
        }
        if (filter.from() != null) {
            sql.append(" AND effective_date >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            sql.append(" AND effective_date <= :to");
            params.put("to", filter.to());
        }
        if (patientAccount) {
            appendShownInPatientAccount(sql, params);
        }
        var after = filter.after();
        if (after != null) {
            // Keyset paging in the list's own order, so a page costs the same wherever it starts.
            sql.append(" AND (effective_date < :afterDate OR (effective_date = :afterDate AND (created_at < :afterAt"
                    + " OR (created_at = :afterAt AND id < :afterId))))");
            params.put("afterDate", after.date());
            params.put("afterAt", utc(after.createdAt()));
            params.put("afterId", after.id());
        }
        // One row beyond the page tells whether another page follows.
        sql.append(" ORDER BY effective_date DESC, created_at DESC, id DESC LIMIT :limit");
        params.put("limit", filter.limit() + 1);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> row(rs)).list();
    }

    /**
     * Narrows a statement over {@code record_entry} to what Appendix 1 of order 003 lets the patient
     * account show, from its dates, and nothing entered in error.
     */
    static void appendShownInPatientAccount(StringBuilder sql, Map<String, Object> params) {
        sql.append(" AND status <> 'ENTERED_IN_ERROR' AND (");
        var shown = EntryType.shownToPatients();
        for (int i = 0; i < shown.size(); i++) {
            EntryType type = shown.get(i);
            if (i > 0) {
                sql.append(" OR ");
            }
            sql.append("(type = :t")
                    .append(i)
                    .append(" AND (effective_date >= :d")
                    .append(i);
            params.put("t" + i, type.name());
            params.put("d" + i, type.shownToPatientFrom(false).orElseThrow());
            if (type == EntryType.INSTRUMENTAL) {
                sql.append(" OR (radiology = TRUE AND effective_date >= :radiologyFrom)");
                params.put("radiologyFrom", EntryType.RADIOLOGY_FROM);
            }
            sql.append("))");
        }
        sql.append(")");
    }

    /** The entries of a record among {@code ids}, with when each was filed and last changed. */
    List<Row> byIds(java.util.Collection<PatientId> patients, java.util.Collection<UUID> ids) {
        if (ids.isEmpty() || patients.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM record_entry WHERE patient_id IN (:patients) AND id IN (:ids)")
                .param("patients", patients.stream().map(PatientId::value).toList())
                .param("ids", List.copyOf(ids))
                .query((rs, n) -> row(rs))
                .list();
    }

    /** The fields of the current version of each of {@code ids}, in one statement. */
    Map<UUID, Map<String, String>> currentFields(java.util.Collection<UUID> ids) {
        var fields = new HashMap<UUID, Map<String, String>>();
        if (!ids.isEmpty()) {
            jdbc.sql("""
                            SELECT f.entry_id, f.name, f.content FROM record_entry_field f
                            JOIN record_entry e ON e.id = f.entry_id AND e.version = f.version
                            WHERE f.entry_id IN (:ids)
                            """).param("ids", List.copyOf(ids)).query(rs -> {
                fields.computeIfAbsent(rs.getObject("entry_id", UUID.class), id -> new LinkedHashMap<>())
                        .put(rs.getString("name"), rs.getString("content"));
            });
        }
        return fields;
    }

    /** The fields of each version, then the versions, read in two statements and joined here. */
    List<EntryVersion> versions(UUID entry) {
        var fieldsByVersion = new HashMap<Integer, Map<String, String>>();
        jdbc.sql("SELECT version, name, content FROM record_entry_field WHERE entry_id = :entry")
                .param("entry", entry)
                .query(rs -> {
                    fieldsByVersion
                            .computeIfAbsent(rs.getInt("version"), v -> new LinkedHashMap<>())
                            .put(rs.getString("name"), rs.getString("content"));
                });
        var versions = new ArrayList<EntryVersion>();
        jdbc.sql("SELECT * FROM record_entry_version WHERE entry_id = :entry ORDER BY version DESC")
                .param("entry", entry)
                .query(rs -> {
                    int version = rs.getInt("version");
                    versions.add(new EntryVersion(
                            version,
                            EntryStatus.valueOf(rs.getString("status")),
                            rs.getObject("effective_date", LocalDate.class),
                            rs.getString("title"),
                            Map.copyOf(fieldsByVersion.getOrDefault(version, Map.of())),
                            rs.getString("reason"),
                            rs.getString("author_name"),
                            instant(rs, "at")));
                });
        return versions;
    }

    Map<String, String> fields(UUID entry, int version) {
        var fields = new LinkedHashMap<String, String>();
        jdbc.sql("SELECT name, content FROM record_entry_field WHERE entry_id = :entry AND version = :version")
                .param("entry", entry)
                .param("version", version)
                .query(rs -> {
                    fields.put(rs.getString("name"), rs.getString("content"));
                });
        return fields;
    }

    void markSeen(UUID entry, Instant at) {
        jdbc.sql("UPDATE record_entry SET seen_at = :at WHERE id = :id AND seen_at IS NULL")
                .param("at", utc(at))
                .param("id", entry)
                .update();
    }

    /** The laboratory tests of a record with how many results each has, for the chart's choice. */
    List<LabSeries.Test> labTests(PatientId patient, LocalDate from) {
        return jdbc.sql("""
                        SELECT code, MAX(title) AS name, COUNT(*) AS results FROM record_entry
                        WHERE patient_id = :patient AND type = 'LAB_RESULT' AND status <> 'ENTERED_IN_ERROR'
                          AND effective_date >= :from
                        GROUP BY code ORDER BY MAX(title)
                        """)
                .param("patient", patient.value())
                .param("from", from)
                .query((rs, n) -> new LabSeries.Test(rs.getString("code"), rs.getString("name"), rs.getInt("results")))
                .list();
    }

    List<Row> labResults(PatientId patient, String code, LocalDate from) {
        return jdbc.sql("""
                        SELECT * FROM record_entry
                        WHERE patient_id = :patient AND type = 'LAB_RESULT' AND code = :code
                          AND status <> 'ENTERED_IN_ERROR' AND effective_date >= :from
                        ORDER BY effective_date, created_at
                        """)
                .param("patient", patient.value())
                .param("code", code)
                .param("from", from)
                .query((rs, n) -> row(rs))
                .list();
    }

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Row(
                rs.getObject("id", UUID.class),
                new PatientId(rs.getObject("patient_id", UUID.class)),
                EntryType.valueOf(rs.getString("type")),
                EntryStatus.valueOf(rs.getString("status")),
                rs.getInt("version"),
                rs.getObject("effective_date", LocalDate.class),
                rs.getString("code"),
                rs.getString("title"),
                rs.getBigDecimal("value_num"),
                rs.getString("unit"),
                rs.getBigDecimal("ref_low"),
                rs.getBigDecimal("ref_high"),
                rs.getString("flag"),
                rs.getBoolean("radiology"),
                rs.getString("source"),
                instant(rs, "seen_at"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }
}
