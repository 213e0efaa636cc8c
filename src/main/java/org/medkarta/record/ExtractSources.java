package org.medkarta.record;

import static org.medkarta.shared.Columns.instant;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.clinic.AttachmentStatus;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.DoctorView;
import org.medkarta.clinic.PatientAttachments;
import org.medkarta.identity.PatientRecords;
import org.medkarta.identity.PolicyKind;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an extract is made of, read in a few statements whatever the record's size: the entries of
 * the chosen sections and period with their current version's author, all their fields at once,
 * and the clinic each author works at.
 */
@Component
class ExtractSources {

    /** One entry as the extract prints it. */
    record Item(
            UUID id,
            EntryType type,
            LocalDate date,
            String code,
            String title,
            BigDecimal value,
            String unit,
            BigDecimal referenceLow,
            BigDecimal referenceHigh,
            String flag,
            String author,
            String clinic,
            Map<String, String> fields) {}

    private final JdbcClient jdbc;
    private final ClinicCatalogue clinics;
    private final PatientAttachments patientAttachments;
    private final PatientRecords identifiers;

    ExtractSources(
            JdbcClient jdbc,
            ClinicCatalogue clinics,
            PatientAttachments patientAttachments,
            PatientRecords identifiers) {
        this.jdbc = jdbc;
        this.clinics = clinics;
        this.patientAttachments = patientAttachments;
        this.identifiers = identifiers;
    }

    /**
     * The entries of {@code sections} in the period, oldest first within each section, nothing
     * entered in error; for a reader on the patient's side only what order 003 Appendix 1 lets the
     * patient account show, from its dates.
     */
    Map<EntryType, List<Item>> entries(
            PatientId patient, List<EntryType> sections, LocalDate from, LocalDate to, boolean patientAccount) {
        var inner = new StringBuilder(
                "SELECT * FROM record_entry WHERE patient_id = :patient AND type IN (:types) AND status <> 'ENTERED_IN_ERROR'");
        Map<String, Object> params = new HashMap<>();
        params.put("patient", patient.value());
        params.put("types", sections.stream().map(Enum::name).toList());
        if (from != null) {
            inner.append(" AND effective_date >= :from");
            params.put("from", from);
        }
        if (to != null) {
            inner.append(" AND effective_date <= :to");
            params.put("to", to);
        }
        if (patientAccount) {
            Entries.appendShownInPatientAccount(inner, params);
        }
        var fields = fields(patient, sections);
        Map<UUID, String> clinicOfAuthor = new HashMap<>();
        var found = new EnumMap<EntryType, List<Item>>(EntryType.class);
        sections.forEach(type -> found.put(type, new ArrayList<>()));
        jdbc.sql("SELECT e.*, v.author_id, v.author_name FROM (" + inner
                        + ") e JOIN record_entry_version v ON v.entry_id = e.id AND v.version = e.version"
                        + " ORDER BY e.effective_date, e.created_at, e.id")
                .params(params)
                .query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    UUID author = rs.getObject("author_id", UUID.class);
                    var type = EntryType.valueOf(rs.getString("type"));
                    found.get(type)
                            .add(new Item(
                                    id,
                                    type,
                                    rs.getObject("effective_date", LocalDate.class),
                                    rs.getString("code"),
                                    rs.getString("title"),
                                    rs.getBigDecimal("value_num"),
                                    rs.getString("unit"),
                                    rs.getBigDecimal("ref_low"),
                                    rs.getBigDecimal("ref_high"),
                                    rs.getString("flag"),
                                    rs.getString("author_name"),
                                    clinicOfAuthor.computeIfAbsent(author, this::clinicOf),
                                    fields.getOrDefault(id, Map.of())));
                });
        return found;
    }

    /** The fields of the current version of every entry of the sections, in one statement. */
    private Map<UUID, Map<String, String>> fields(PatientId patient, List<EntryType> sections) {
        var fields = new HashMap<UUID, Map<String, String>>();
        jdbc.sql("""
                        SELECT f.entry_id, f.name, f.content FROM record_entry_field f
                        JOIN record_entry e ON e.id = f.entry_id AND e.version = f.version
                        WHERE e.patient_id = :patient AND e.type IN (:types) AND e.type <> 'LAB_RESULT'
                        """)
                .param("patient", patient.value())
                .param("types", sections.stream().map(Enum::name).toList())
                .query(rs -> {
                    fields.computeIfAbsent(rs.getObject("entry_id", UUID.class), id -> new LinkedHashMap<>())
                            .put(rs.getString("name"), rs.getString("content"));
                });
        return fields;
    }

    /** The clinic where the author works (an active profile first), or null for a patient or a system. */
    private String clinicOf(UUID author) {
        if (author == null) {
            return null;
        }
        List<DoctorView> profiles = clinics.profilesOf(new UserId(author));
        return profiles.stream()
                .sorted((a, b) -> Boolean.compare(b.active(), a.active()))
                .map(DoctorView::clinicName)
                .findFirst()
                .orElse(null);
    }

    /**
     * The clinics that may issue the record's extract: those the patient is attached to, then those
     * whose doctors wrote in the record, the latest writer's first.
     */
    List<ExtractClinic> issuers(PatientId patient) {
        var found = new LinkedHashMap<ClinicId, String>();
        patientAttachments.attachmentsOf(patient).stream()
                .filter(attachment -> attachment.status() == AttachmentStatus.CONFIRMED)
                .forEach(attachment -> found.putIfAbsent(attachment.clinicId(), attachment.clinicName()));
        var authors = jdbc.sql("""
                        SELECT v.author_id, MAX(e.created_at) AS latest FROM record_entry e
                        JOIN record_entry_version v ON v.entry_id = e.id
                        WHERE e.patient_id = :patient
                        GROUP BY v.author_id ORDER BY latest DESC
                        """)
                .param("patient", patient.value())
                .query((rs, n) -> new Object[] {rs.getObject("author_id", UUID.class), instant(rs, "latest")})
                .list();
        for (Object[] author : authors) {
            clinics.profilesOf(new UserId((UUID) author[0]))
                    .forEach(profile -> found.putIfAbsent(profile.clinicId(), profile.clinicName()));
        }
        return found.entrySet().stream()
                .map(entry -> new ExtractClinic(entry.getKey(), entry.getValue()))
                .toList();
    }

    /** The patient's SNILS, as identity keeps it. */
    Optional<String> snils(PatientId patient) {
        return identifiers.find(patient).map(card -> card.snils());
    }

    /** The patient's OMS policy number, with its insurer when known. */
    Optional<String> oms(PatientId patient) {
        return identifiers
                .find(patient)
                .flatMap(card -> card.policies().stream()
                        .filter(policy -> policy.kind() == PolicyKind.OMS)
                        .findFirst()
                        .map(policy ->
                                policy.number() + (policy.insurer() == null ? "" : " (" + policy.insurer() + ")")));
    }
}
