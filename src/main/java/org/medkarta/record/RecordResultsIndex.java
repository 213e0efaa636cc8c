package org.medkarta.record;

import static org.medkarta.shared.Columns.utc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.medkarta.shared.PatientId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The results of some records in one list across entries, diary readings and uploads: counted and
 * paged in SQL, so a page costs the same however long the records are. Records read in the patient
 * account ({@code account}) show only what Appendix 1 lists; the others ({@code clinical}) all.
 */
@Repository
class RecordResultsIndex {

    /** A result's id and which table holds it: E an entry, R a reading, U an upload. */
    record Hit(UUID id, char source) {}

    private final JdbcClient jdbc;

    RecordResultsIndex(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    int count(Set<PatientId> account, Set<PatientId> clinical, RecordQuery query) {
        var params = new HashMap<String, Object>();
        String union = union(account, clinical, query, params);
        if (union == null) {
            return 0;
        }
        return jdbc.sql("SELECT COUNT(*) FROM (" + union + ") hits")
                .params(params)
                .query(Long.class)
                .single()
                .intValue();
    }

    /** One page of hits and how many match in all ({@code total}, 0 when the page is empty). */
    record Page(List<Hit> hits, int total) {}

    /**
     * The page {@code query} asks for with the whole count beside it, in one statement: each row
     * carries the count of the rows before paging ({@code COUNT(*) OVER ()}), so the union is read
     * once. A page past the end has no row to carry it: its caller asks {@link #count} then.
     */
    Page page(Set<PatientId> account, Set<PatientId> clinical, RecordQuery query) {
        var params = new HashMap<String, Object>();
        String union = union(account, clinical, query, params);
        if (union == null || query.count() == 0) {
            return new Page(List.of(), 0);
        }
        String order = query.oldestFirst() ? "ASC" : "DESC";
        params.put("limit", query.count());
        params.put("offset", query.offset());
        int[] total = {0};
        var hits = jdbc.sql("SELECT id, source, COUNT(*) OVER () AS total FROM (" + union + ") hits ORDER BY at "
                        + order + ", id " + order + " LIMIT :limit OFFSET :offset")
                .params(params)
                .query((rs, n) -> {
                    total[0] = rs.getInt("total");
                    return new Hit(
                            rs.getObject("id", UUID.class),
                            rs.getString("source").charAt(0));
                })
                .list();
        return new Page(hits, total[0]);
    }

    /** The statements of each source the query takes from, joined; null when it takes from none. */
    private static String union(
            Set<PatientId> account, Set<PatientId> clinical, RecordQuery query, Map<String, Object> params) {
        if (account.isEmpty() && clinical.isEmpty()) {
            return null;
        }
        var all = new java.util.ArrayList<UUID>();
        account.forEach(patient -> all.add(patient.value()));
        clinical.forEach(patient -> all.add(patient.value()));
        params.put("patients", all);
        if (query.id() != null) {
            params.put("id", query.id());
        }
        var parts = new java.util.ArrayList<String>();
        if (takesEntries(query)) {
            parts.add(entries(account, clinical, query, params));
        }
        boolean current = query.entryStatuses() == null || query.entryStatuses().contains(EntryStatus.CURRENT);
        if (current && !query.measures().isEmpty()) {
            parts.add(readings(query, params));
        }
        if (current && !query.uploadKinds().isEmpty()) {
            parts.add(uploads(query, params));
        }
        return parts.isEmpty() ? null : String.join(" UNION ALL ", parts);
    }

    private static boolean takesEntries(RecordQuery query) {
        return !query.entryTypes().isEmpty()
                && (query.entryCodes() == null || !query.entryCodes().isEmpty())
                && (query.entryStatuses() == null || !query.entryStatuses().isEmpty());
    }

    private static String entries(
            Set<PatientId> account, Set<PatientId> clinical, RecordQuery query, Map<String, Object> params) {
        var sql = new StringBuilder("SELECT id, 'E' AS source, ")
                .append(query.byFiling() ? "CAST(created_at AS TIMESTAMP)" : "CAST(effective_date AS TIMESTAMP)")
                .append(" AS at FROM record_entry WHERE type IN (:entryTypes) AND (");
        if (!clinical.isEmpty()) {
            sql.append("patient_id IN (:clinical)");
            params.put("clinical", clinical.stream().map(PatientId::value).toList());
        }
        if (!account.isEmpty()) {
            sql.append(clinical.isEmpty() ? "(" : " OR (").append("patient_id IN (:account)");
            params.put("account", account.stream().map(PatientId::value).toList());
            Entries.appendShownInPatientAccount(sql, params);
            sql.append(")");
        }
        sql.append(")");
        params.put(
                "entryTypes",
                query.entryTypes().stream().map(Enum::name).sorted().toList());
        if (query.id() != null) {
            sql.append(" AND id = :id");
        }
        if (query.entryCodes() != null) {
            sql.append(" AND code IN (:entryCodes)");
            params.put("entryCodes", List.copyOf(query.entryCodes()));
        }
        if (query.entryStatuses() != null) {
            sql.append(" AND status IN (:entryStatuses)");
            params.put(
                    "entryStatuses",
                    query.entryStatuses().stream().map(Enum::name).sorted().toList());
        }
        if (query.byFiling()) {
            moments(sql, "created_at", query, params);
        } else {
            if (query.fromDay() != null) {
                sql.append(" AND effective_date >= :fromDay");
                params.put("fromDay", query.fromDay());
            }
            if (query.toDay() != null) {
                sql.append(" AND effective_date <= :toDay");
                params.put("toDay", query.toDay());
            }
        }
        updated(sql, "updated_at", query, params);
        return sql.toString();
    }

    private static String readings(RecordQuery query, Map<String, Object> params) {
        var sql = new StringBuilder("SELECT id, 'R' AS source, CAST(measured_at AS TIMESTAMP) AS at"
                + " FROM record_diary_reading WHERE patient_id IN (:patients) AND measure IN (:measures)");
        params.put(
                "measures", query.measures().stream().map(Enum::name).sorted().toList());
        if (query.id() != null) {
            sql.append(" AND id = :id");
        }
        moments(sql, "measured_at", query, params);
        updated(sql, "created_at", query, params);
        return sql.toString();
    }

    private static String uploads(RecordQuery query, Map<String, Object> params) {
        var sql = new StringBuilder("SELECT id, 'U' AS source, CAST(uploaded_at AS TIMESTAMP) AS at"
                + " FROM record_upload WHERE patient_id IN (:patients) AND kind IN (:uploadKinds)");
        params.put(
                "uploadKinds",
                query.uploadKinds().stream().map(Enum::name).sorted().toList());
        if (query.id() != null) {
            sql.append(" AND id = :id");
        }
        moments(sql, "uploaded_at", query, params);
        updated(sql, "COALESCE(decided_at, uploaded_at)", query, params);
        return sql.toString();
    }

    private static void moments(StringBuilder sql, String column, RecordQuery query, Map<String, Object> params) {
        if (query.from() != null) {
            sql.append(" AND ").append(column).append(" >= :from");
            params.put("from", utc(query.from()));
        }
        if (query.before() != null) {
            sql.append(" AND ").append(column).append(" < :before");
            params.put("before", utc(query.before()));
        }
    }

    private static void updated(StringBuilder sql, String column, RecordQuery query, Map<String, Object> params) {
        if (query.updatedFrom() != null) {
            sql.append(" AND ").append(column).append(" >= :updatedFrom");
            params.put("updatedFrom", utc(query.updatedFrom()));
        }
        if (query.updatedBefore() != null) {
            sql.append(" AND ").append(column).append(" < :updatedBefore");
            params.put("updatedBefore", utc(query.updatedBefore()));
        }
    }
}
