package org.medkarta.scheduling;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.Columns;
import org.medkarta.shared.DoctorId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Schedule templates (SPEC C1). */
@Repository
class Templates {

    private static final String SELECT = """
            SELECT id, doctor_id, clinic_id, name, valid_from, valid_to, weekdays, first_start, last_start,
                   slot_minutes, breaks, service_ids, active
            FROM scheduling_template
            """;

    private final JdbcClient jdbc;

    Templates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(ScheduleTemplate template, Instant now) {
        int updated = jdbc.sql("""
                        UPDATE scheduling_template SET name = :name, valid_from = :from, valid_to = :to,
                               weekdays = :weekdays, first_start = :first, last_start = :last, slot_minutes = :minutes,
                               breaks = :breaks, service_ids = :services, active = :active, updated_at = :now
                        WHERE id = :id
                        """).params(params(template, now)).update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO scheduling_template (id, doctor_id, clinic_id, name, valid_from, valid_to,
                                   weekdays, first_start, last_start, slot_minutes, breaks, service_ids, active,
                                   created_at, updated_at)
                            VALUES (:id, :doctor, :clinic, :name, :from, :to, :weekdays, :first, :last, :minutes,
                                    :breaks, :services, :active, :now, :now)
                            """).params(params(template, now)).update();
        }
    }

    private static java.util.Map<String, Object> params(ScheduleTemplate template, Instant now) {
        var values = new java.util.HashMap<String, Object>();
        values.put("id", template.id());
        values.put("doctor", template.doctor().value());
        values.put("clinic", template.clinic().value());
        values.put("name", template.name());
        values.put("from", template.validFrom());
        values.put("to", template.validTo());
        values.put("weekdays", template.weekdayColumn());
        values.put("first", template.firstStart());
        values.put("last", template.lastStart());
        values.put("minutes", template.slotMinutes());
        values.put("breaks", template.breakColumn());
        values.put("services", template.serviceColumn());
        values.put("active", template.active());
        values.put("now", Columns.utc(now));
        return values;
    }

    Optional<ScheduleTemplate> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", id)
                .query(Templates::row)
                .optional();
    }

    List<ScheduleTemplate> ofDoctor(DoctorId doctor) {
        return jdbc.sql(SELECT + " WHERE doctor_id = :doctor ORDER BY valid_from, name")
                .param("doctor", doctor.value())
                .query(Templates::row)
                .list();
    }

    /** Active templates still valid on or after the day: what the daily job extends. */
    List<ScheduleTemplate> activeUntilAtLeast(LocalDate day) {
        return jdbc.sql(SELECT + " WHERE active = TRUE AND valid_to >= :day ORDER BY doctor_id")
                .param("day", day)
                .query(Templates::row)
                .list();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM scheduling_template WHERE id = :id")
                .param("id", id)
                .update();
    }

    private static ScheduleTemplate row(ResultSet row, int number) throws SQLException {
        return new ScheduleTemplate(
                Columns.uuid(row, "id"),
                new DoctorId(Columns.uuid(row, "doctor_id")),
                new ClinicId(Columns.uuid(row, "clinic_id")),
                row.getString("name"),
                row.getObject("valid_from", LocalDate.class),
                row.getObject("valid_to", LocalDate.class),
                ScheduleTemplate.weekdaysOf(row.getString("weekdays")),
                row.getObject("first_start", LocalTime.class),
                row.getObject("last_start", LocalTime.class),
                row.getInt("slot_minutes"),
                ScheduleTemplate.breaksOf(row.getString("breaks")),
                ScheduleTemplate.uuidsOf(row.getString("service_ids")),
                row.getBoolean("active"));
    }
}
