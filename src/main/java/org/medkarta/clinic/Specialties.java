package org.medkarta.clinic;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.medkarta.shared.Columns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The dictionary of medical specialties and which ones each doctor has. */
@Repository
class Specialties {

    private final JdbcClient jdbc;

    Specialties(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Specialty> all() {
        return jdbc.sql("SELECT code, name_ru, name_en FROM clinic_specialty ORDER BY name_ru")
                .query((row, n) ->
                        new Specialty(row.getString("code"), row.getString("name_ru"), row.getString("name_en")))
                .list();
    }

    Optional<Specialty> find(String code) {
        return jdbc.sql("SELECT code, name_ru, name_en FROM clinic_specialty WHERE code = :code")
                .param("code", code)
                .query((row, n) ->
                        new Specialty(row.getString("code"), row.getString("name_ru"), row.getString("name_en")))
                .optional();
    }

    void setForDoctor(UUID doctor, List<String> codes) {
        jdbc.sql("DELETE FROM clinic_doctor_specialty WHERE doctor_id = :doctor")
                .param("doctor", doctor)
                .update();
        for (String code : codes) {
            jdbc.sql("INSERT INTO clinic_doctor_specialty (doctor_id, specialty_code) VALUES (:doctor, :code)")
                    .param("doctor", doctor)
                    .param("code", code)
                    .update();
        }
    }

    /** The specialties of each doctor, by doctor id, in dictionary order. */
    Map<UUID, List<Specialty>> ofDoctors(Collection<UUID> doctors) {
        if (doctors.isEmpty()) {
            return Map.of();
        }
        record Row(UUID doctor, Specialty specialty) {}
        return jdbc
                .sql("""
                        SELECT ds.doctor_id, s.code, s.name_ru, s.name_en FROM clinic_doctor_specialty ds
                        JOIN clinic_specialty s ON s.code = ds.specialty_code
                        WHERE ds.doctor_id IN (:doctors) ORDER BY s.name_ru
                        """)
                .param("doctors", doctors)
                .query((row, n) -> new Row(
                        Columns.uuid(row, "doctor_id"),
                        new Specialty(row.getString("code"), row.getString("name_ru"), row.getString("name_en"))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Row::doctor,
                        java.util.LinkedHashMap::new,
                        Collectors.mapping(Row::specialty, Collectors.toList())));
    }
}
