package org.medkarta.record;

import static org.medkarta.shared.Columns.instant;
import static org.medkarta.shared.Columns.utc;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Diary readings, thresholds and alerts. */
@Repository
class Diaries {

    private final JdbcClient jdbc;

    Diaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    UUID addReading(PatientId patient, Reading reading, UserId by, Instant at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO record_diary_reading (id, patient_id, measure, custom_name, value1, value2, unit,
                                                          measured_at, note, entered_by, created_at)
                        VALUES (:id, :patient, :measure, :name, :value1, :value2, :unit, :measuredAt, :note, :by, :at)
                        """)
                .param("id", id)
                .param("patient", patient.value())
                .param("measure", reading.measure().name())
                .param("name", reading.name())
                .param("value1", reading.value())
                .param("value2", reading.value2())
                .param("unit", reading.unit())
                .param("measuredAt", utc(reading.measuredAt()))
                .param("note", reading.note())
                .param("by", by.value())
                .param("at", utc(at))
                .update();
        return id;
    }

    List<Reading> readings(PatientId patient, Measure measure, String name, Instant from, Instant to) {
        var sql = new StringBuilder("SELECT * FROM record_diary_reading WHERE patient_id = :patient");
        var params = new java.util.HashMap<String, Object>();
        params.put("patient", patient.value());
        if (measure != null) {
            sql.append(" AND measure = :measure");
            params.put("measure", measure.name());
            if (measure == Measure.CUSTOM && name != null) {
                sql.append(" AND LOWER(custom_name) = :name");
                params.put("name", name.toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (from != null) {
            sql.append(" AND measured_at >= :from");
            params.put("from", utc(from));
        }
        if (to != null) {
            sql.append(" AND measured_at <= :to");
            params.put("to", utc(to));
        }
        sql.append(" ORDER BY measured_at DESC LIMIT 2000");
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> reading(rs))
                .list();
    }

    /** A reading with whose record holds it. */
    record Owned(PatientId patient, Reading reading) {}

    /** The readings among {@code ids} of the given records. */
    List<Owned> byIds(java.util.Collection<PatientId> patients, java.util.Collection<UUID> ids) {
        if (ids.isEmpty() || patients.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM record_diary_reading WHERE patient_id IN (:patients) AND id IN (:ids)")
                .param("patients", patients.stream().map(PatientId::value).toList())
                .param("ids", List.copyOf(ids))
                .query((rs, n) -> new Owned(new PatientId(rs.getObject("patient_id", UUID.class)), reading(rs)))
                .list();
    }

    private static Reading reading(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Reading(
                rs.getObject("id", UUID.class),
                Measure.valueOf(rs.getString("measure")),
                rs.getString("custom_name"),
                rs.getBigDecimal("value1"),
                rs.getBigDecimal("value2"),
                rs.getString("unit"),
                instant(rs, "measured_at"),
                rs.getString("note"));
    }

    /** Sets a doctor's thresholds for a measure, replacing theirs if set before. */
    void setThreshold(PatientId patient, Threshold threshold, UserId doctor) {
        int updated = jdbc.sql("""
                        UPDATE record_diary_threshold SET low1 = :low, high1 = :high, low2 = :low2, high2 = :high2,
                               doctor_name = :doctorName, set_at = :at
                        WHERE patient_id = :patient AND measure = :measure AND custom_name = :name
                          AND doctor_user_id = :doctor
                        """)
                .params(thresholdParams(patient, threshold, doctor))
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO record_diary_threshold (id, patient_id, measure, custom_name, low1, high1, low2,
                                                                high2, doctor_user_id, doctor_name, set_at)
                            VALUES (:id, :patient, :measure, :name, :low, :high, :low2, :high2, :doctor, :doctorName, :at)
                            """)
                    .params(thresholdParams(patient, threshold, doctor))
                    .param("id", threshold.id())
                    .update();
        }
    }

    private static java.util.Map<String, Object> thresholdParams(
            PatientId patient, Threshold threshold, UserId doctor) {
        var params = new java.util.HashMap<String, Object>();
        params.put("patient", patient.value());
        params.put("measure", threshold.measure().name());
        params.put("name", threshold.name());
        params.put("low", threshold.low());
        params.put("high", threshold.high());
        params.put("low2", threshold.low2());
        params.put("high2", threshold.high2());
        params.put("doctor", doctor.value());
        params.put("doctorName", threshold.doctorName());
        params.put("at", utc(threshold.setAt()));
        return params;
    }

    record ThresholdRow(Threshold threshold, UserId doctor) {}

    List<ThresholdRow> thresholds(PatientId patient) {
        return jdbc.sql(
                        "SELECT * FROM record_diary_threshold WHERE patient_id = :patient ORDER BY measure, custom_name")
                .param("patient", patient.value())
                .query((rs, n) -> new ThresholdRow(
                        new Threshold(
                                rs.getObject("id", UUID.class),
                                Measure.valueOf(rs.getString("measure")),
                                rs.getString("custom_name"),
                                rs.getBigDecimal("low1"),
                                rs.getBigDecimal("high1"),
                                rs.getBigDecimal("low2"),
                                rs.getBigDecimal("high2"),
                                rs.getString("doctor_name"),
                                instant(rs, "set_at")),
                        new UserId(rs.getObject("doctor_user_id", UUID.class))))
                .list();
    }

    void addAlert(PatientId patient, UUID reading, UUID threshold, UserId doctor, String detail, Instant at) {
        jdbc.sql("""
                        INSERT INTO record_diary_alert (id, patient_id, reading_id, threshold_id, doctor_user_id, detail,
                                                        created_at)
                        VALUES (:id, :patient, :reading, :threshold, :doctor, :detail, :at)
                        """)
                .param("id", UUID.randomUUID())
                .param("patient", patient.value())
                .param("reading", reading)
                .param("threshold", threshold)
                .param("doctor", doctor.value())
                .param("detail", detail)
                .param("at", utc(at))
                .update();
    }

    List<DiaryAlert> alerts(UserId doctor, boolean open) {
        return jdbc.sql("""
                        SELECT a.*, p.last_name, p.first_name, p.patronymic FROM record_diary_alert a
                        JOIN record_patient p ON p.patient_id = a.patient_id
                        WHERE a.doctor_user_id = :doctor
                        """ + (open ? " AND a.acknowledged_at IS NULL" : "") + " ORDER BY a.created_at DESC LIMIT 500")
                .param("doctor", doctor.value())
                .query((rs, n) -> new DiaryAlert(
                        rs.getObject("id", UUID.class),
                        new PatientId(rs.getObject("patient_id", UUID.class)),
                        rs.getString("last_name") + " " + rs.getString("first_name")
                                + (rs.getString("patronymic") == null ? "" : " " + rs.getString("patronymic")),
                        rs.getString("detail"),
                        instant(rs, "created_at"),
                        instant(rs, "acknowledged_at")))
                .list();
    }

    boolean acknowledge(UserId doctor, UUID alert, Instant at) {
        return jdbc.sql("""
                                UPDATE record_diary_alert SET acknowledged_at = :at
                                WHERE id = :id AND doctor_user_id = :doctor AND acknowledged_at IS NULL
                                """)
                        .param("at", utc(at))
                        .param("id", alert)
                        .param("doctor", doctor.value())
                        .update()
                > 0;
    }

    Optional<Boolean> alertOf(UserId doctor, UUID alert) {
        return jdbc.sql(
                        "SELECT acknowledged_at IS NOT NULL FROM record_diary_alert WHERE id = :id AND doctor_user_id = :doctor")
                .param("id", alert)
                .param("doctor", doctor.value())
                .query(Boolean.class)
                .optional();
    }

    static BigDecimal plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }
}
