package org.medkarta.record;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.medkarta.access.AccessDecision;
import org.medkarta.access.Relation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What was imported into a record, read back as it came (SPEC I3, E7; issue 15): the resource an
 * unchanged entry was imported from, the Patient the record was imported with, and the source
 * documents kept for resources the record has no kind of entry for. The FHIR export gives these back
 * losslessly; the record page counts the kept documents. Importing itself is {@link RecordImport}.
 *
 * <p>The kept documents are for the patient themself (or a parent) and the clinicians, never a
 * grantee; the resources entries were imported from, for clinicians only.
 */
@Service
public class ImportedSources {

    /** Who may see the kept source documents: the patient themself and the clinicians, not a grantee. */
    private static final Set<Relation> SEE_KEPT = EnumSet.of(
            Relation.SELF, Relation.PARENT, Relation.CLINICIAN, Relation.EMERGENCY, Relation.STAFF, Relation.CLINIC);

    /** Who reads the whole record, imported entries of every kind included. */
    private static final Set<Relation> CLINICAL =
            EnumSet.of(Relation.CLINICIAN, Relation.EMERGENCY, Relation.STAFF, Relation.CLINIC);

    /** A kept resource, as JSON. */
    public record Kept(UUID id, String resourceType, String content) {}

    /** A resource as it was imported, as JSON, with when. */
    public record Source(UUID id, String resourceType, String content, java.time.Instant importedAt) {}

    private final JdbcClient jdbc;

    ImportedSources(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The resource an entry was imported from, while the entry still says what it said then (no one
     * has corrected it or marked it entered in error since): the caller, who holds the entry, reads it
     * back as it came. Empty for an entry Medkarta wrote or changed.
     */
    @Transactional(readOnly = true)
    public Optional<String> source(EntryDetail entry) {
        if (entry.version() != 1 || !imported(entry.source())) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT content FROM record_source_resource WHERE entry_id = :entry")
                .param("entry", entry.id())
                .query(String.class)
                .optional();
    }

    /** The Patient resource the record was imported with, if it was. */
    @Transactional(readOnly = true)
    public Optional<String> patientSource(AccessDecision decision) {
        expect(decision);
        return jdbc.sql("""
                        SELECT content FROM record_source_resource
                        WHERE patient_id = :patient AND resource_type = 'Patient' AND entry_id IS NULL
                        ORDER BY imported_at DESC
                        """).param("patient", decision.patient().value()).query(String.class).list().stream()
                .findFirst();
    }

    /**
     * The source documents kept in the record (resources Medkarta has no kind of entry for), of the
     * types asked for (all when empty), oldest first: for the patient themself and clinicians.
     */
    @Transactional(readOnly = true)
    public List<Kept> kept(AccessDecision decision, Collection<String> types) {
        expect(decision);
        if (!SEE_KEPT.contains(decision.relation())) {
            return List.of();
        }
        return jdbc
                .sql("""
                        SELECT id, resource_type, content FROM record_source_resource
                        WHERE patient_id = :patient AND entry_id IS NULL AND resource_type <> 'Patient'
                        ORDER BY imported_at, id
                        """)
                .param("patient", decision.patient().value())
                .query((rs, n) -> new Kept(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .list()
                .stream()
                .filter(kept -> types == null || types.isEmpty() || types.contains(kept.resourceType()))
                .toList();
    }

    /**
     * Everything imported into the record that its reader may see, as it came: the kept source
     * documents for the patient themself and clinicians, and, for clinicians, the resources entries
     * were imported from while the entries are unchanged (the export's lossless part). The Patient is
     * not among them.
     */
    @Transactional(readOnly = true)
    public List<Source> sources(AccessDecision decision) {
        expect(decision);
        if (!SEE_KEPT.contains(decision.relation())) {
            return List.of();
        }
        boolean clinical = CLINICAL.contains(decision.relation());
        return jdbc.sql("""
                        SELECT s.id, s.resource_type, s.content, s.imported_at FROM record_source_resource s
                        LEFT JOIN record_entry e ON e.id = s.entry_id
                        WHERE s.patient_id = :patient AND s.resource_type <> 'Patient'
                          AND (s.entry_id IS NULL OR (:clinical AND e.version = 1))
                        ORDER BY s.imported_at, s.id
                        """)
                .param("patient", decision.patient().value())
                .param("clinical", clinical)
                .query((rs, n) -> new Source(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** How many source documents of each type the record keeps, for the record page. */
    @Transactional(readOnly = true)
    public Map<String, Integer> keptCounts(AccessDecision decision) {
        expect(decision);
        var counts = new LinkedHashMap<String, Integer>();
        if (!SEE_KEPT.contains(decision.relation())) {
            return counts;
        }
        jdbc.sql("""
                        SELECT resource_type, COUNT(*) FROM record_source_resource
                        WHERE patient_id = :patient AND entry_id IS NULL AND resource_type <> 'Patient'
                        GROUP BY resource_type ORDER BY resource_type
                        """)
                .param("patient", decision.patient().value())
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
                .list()
                .forEach(row -> counts.put(row.getKey(), row.getValue()));
        return counts;
    }

    /** Whether an entry's source is an import. */
    public static boolean imported(String source) {
        return RecordImport.CLINIC_IMPORT.equals(source) || RecordImport.PATIENT_IMPORT.equals(source);
    }

    private static void expect(AccessDecision decision) {
        if (decision == null) {
            throw new IllegalArgumentException("A decision is needed");
        }
    }
}
