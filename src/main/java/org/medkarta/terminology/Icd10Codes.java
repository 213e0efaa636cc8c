package org.medkarta.terminology;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.shared.Columns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ICD-10 entries, the words of their names, and the record of imports. */
@Repository
class Icd10Codes {

    static final String DICTIONARY = "1.2.643.5.1.13.13.11.1005";
    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    Icd10Codes(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Replaces the whole dictionary with the rows of a file. */
    void replace(List<NsiFile.Row> rows) {
        jdbc.sql("DELETE FROM terminology_icd10_word").update();
        jdbc.sql("DELETE FROM terminology_icd10").update();
        for (int from = 0; from < rows.size(); from += BATCH) {
            var chunk = rows.subList(from, Math.min(rows.size(), from + BATCH));
            batch.batchUpdate("""
                    INSERT INTO terminology_icd10 (id, code, code_key, name, parent_id, rec_code, addl_code, actual,
                           diagnosis, changed_on)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, chunk, chunk.size(), (statement, row) -> {
                statement.setLong(1, row.id());
                statement.setString(2, row.code());
                statement.setString(3, Words.codeKey(row.code()));
                statement.setString(4, row.name());
                if (row.parentId() == null) {
                    statement.setNull(5, Types.BIGINT);
                } else {
                    statement.setLong(5, row.parentId());
                }
                statement.setString(6, row.recCode());
                statement.setString(7, row.addlCode());
                statement.setBoolean(8, row.actual());
                statement.setBoolean(9, row.diagnosis());
                if (row.changedOn() == null) {
                    statement.setNull(10, Types.DATE);
                } else {
                    statement.setDate(10, Date.valueOf(row.changedOn()));
                }
            });
            var words = new ArrayList<Object[]>();
            for (var row : chunk) {
                for (String word : Words.of(row.name())) {
                    words.add(new Object[] {word, row.id()});
                }
            }
            batch.batchUpdate("INSERT INTO terminology_icd10_word (word, entry_id) VALUES (?, ?)", words);
        }
    }

    int count() {
        return jdbc.sql("SELECT COUNT(*) FROM terminology_icd10")
                .query(Integer.class)
                .single();
    }

    void recordImport(ImportResult result, String fileName, UUID by) {
        jdbc.sql("""
                        INSERT INTO terminology_import (id, dictionary, version, sha256, entries, file_name,
                               imported_at, imported_by)
                        VALUES (:id, :dictionary, :version, :sha, :entries, :file, :at, :by)
                        """)
                .param("id", UUID.randomUUID())
                .param("dictionary", DICTIONARY)
                .param("version", result.version())
                .param("sha", result.sha256())
                .param("entries", result.entries())
                .param("file", fileName)
                .param("at", Columns.utc(result.importedAt()))
                .param("by", by)
                .update();
    }

    Optional<ImportResult> lastImport() {
        return jdbc.sql("""
                        SELECT version, sha256, entries, imported_at FROM terminology_import
                        WHERE dictionary = :dictionary ORDER BY imported_at DESC LIMIT 1
                        """)
                .param("dictionary", DICTIONARY)
                .query((row, n) -> new ImportResult(
                        row.getString("version"),
                        row.getString("sha256"),
                        row.getInt("entries"),
                        false,
                        Columns.instant(row, "imported_at")))
                .optional();
    }

    /** Diagnoses whose code starts with the key, in code order. */
    List<Icd10Entry> byCode(String key, int limit) {
        return jdbc.sql("""
                        SELECT code, name, actual, diagnosis FROM terminology_icd10
                        WHERE code_key >= :key AND code_key < :after AND code_key LIKE :like AND diagnosis = TRUE
                        ORDER BY code_key LIMIT :limit
                        """)
                .param("key", key)
                .param("after", Words.after(key))
                .param("like", key + "%")
                .param("limit", limit)
                .query(Icd10Codes::entry)
                .list();
    }

    /** Diagnoses with a word starting with each of the given words, those in use first. */
    List<Icd10Entry> byWords(Collection<String> words, int limit) {
        var sql =
                new StringBuilder("SELECT code, name, actual, diagnosis FROM terminology_icd10 WHERE diagnosis = TRUE");
        int i = 0;
        for (String ignored : words) {
            sql.append(" AND id IN (SELECT entry_id FROM terminology_icd10_word WHERE word >= :w")
                    .append(i)
                    .append(" AND word < :a")
                    .append(i)
                    .append(" AND word LIKE :l")
                    .append(i)
                    .append(")");
            i++;
        }
        sql.append(" ORDER BY actual DESC, code_key LIMIT :limit");
        var statement = jdbc.sql(sql.toString()).param("limit", limit);
        i = 0;
        for (String word : words) {
            statement = statement
                    .param("w" + i, word)
                    .param("a" + i, Words.after(word))
                    .param("l" + i, word + "%");
            i++;
        }
        return statement.query(Icd10Codes::entry).list();
    }

    List<Icd10Entry> exactly(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT code, name, actual, diagnosis FROM terminology_icd10 WHERE code IN (:codes)")
                .param("codes", codes)
                .query(Icd10Codes::entry)
                .list();
    }

    private static Icd10Entry entry(ResultSet row, int number) throws SQLException {
        return new Icd10Entry(
                row.getString("code"), row.getString("name"), row.getBoolean("actual"), row.getBoolean("diagnosis"));
    }
}
