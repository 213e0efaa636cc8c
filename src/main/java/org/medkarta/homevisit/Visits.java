package org.medkarta.homevisit;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.Columns;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Home visit requests. Every change of state is one conditional update on the state it starts from,
 * so two people acting at once never both succeed (issue 23: two registrars assigning at once).
 */
@Repository
class Visits {

    record Row(
            UUID id,
            PatientId patientId,
            ClinicId clinicId,
            UserId askedBy,
            String address,
            String reason,
            BigDecimal temperature,
            String phone,
            LocalDate day,
            HomeVisitState state,
            Instant askedAt,
            DoctorId doctorId,
            Instant windowFrom,
            Instant windowTo,
            Instant closedAt,
            String complaints,
            String examination,
            String diagnosisCode,
            String diagnosisName,
            String recommendations,
            UUID recordEntryId) {}

    private static final String COLUMNS = """
            SELECT id, patient_id, clinic_id, asked_by, address, reason, temperature, phone, wanted_on, state,
                   asked_at, doctor_id, window_from, window_to, closed_at, complaints, examination,
                   diagnosis_code, diagnosis_name, recommendations, record_entry_id
            FROM home_visit
            """;

    private final JdbcClient jdbc;

    Visits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Files a new request; the unique (patient, open day) constraint refuses a second open one for
     * the same day, even when two arrive at once.
     *
     * @return false when the patient has an open request for that day already
     */
    boolean insert(
            UUID id,
            PatientId patient,
            ClinicId clinic,
            UserId askedBy,
            String address,
            String reason,
            BigDecimal temperature,
            String phone,
            LocalDate day,
            Instant at) {
        try {
            jdbc.sql("""
                            INSERT INTO home_visit (id, patient_id, clinic_id, asked_by, address, reason, temperature,
                                   phone, wanted_on, open_day, state, asked_at)
                            VALUES (:id, :patient, :clinic, :askedBy, :address, :reason, :temperature,
                                   :phone, :day, :day, 'NEW', :at)
                            """)
                    .param("id", id)
                    .param("patient", patient.value())
                    .param("clinic", clinic.value())
                    .param("askedBy", askedBy.value())
                    .param("address", address)
                    .param("reason", reason)
                    .param("temperature", temperature)
                    .param("phone", phone)
                    .param("day", day)
                    .param("at", Columns.utc(at))
                    .update();
            return true;
        } catch (DuplicateKeyException open) {
            return false;
        }
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql(COLUMNS + " WHERE id = :id")
                .param("id", id)
                .query(Visits::row)
                .optional();
    }

    List<Row> ofPatient(PatientId patient) {
        return jdbc.sql(COLUMNS + " WHERE patient_id = :patient ORDER BY asked_at DESC, id")
                .param("patient", patient.value())
                .query(Visits::row)
                .list();
    }

    /** A clinic's queue in one state, oldest first (the registry serves requests as they came). */
    List<Row> ofClinic(ClinicId clinic, HomeVisitState state) {
        return jdbc.sql(COLUMNS + " WHERE clinic_id = :clinic AND state = :state ORDER BY asked_at, id")
                .param("clinic", clinic.value())
                .param("state", state.name())
                .query(Visits::row)
                .list();
    }

    /** The visits assigned to the doctor's profiles for a day, by their windows. */
    List<Row> ofDoctors(Collection<DoctorId> doctors, LocalDate day) {
        if (doctors.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + " WHERE doctor_id IN (:doctors) AND wanted_on = :day ORDER BY window_from, id")
                .param("doctors", doctors.stream().map(DoctorId::value).toList())
                .param("day", day)
                .query(Visits::row)
                .list();
    }

    /** NEW → ASSIGNED: only one of two registrars assigning at once changes the row. */
    boolean assign(UUID id, DoctorId doctor, Instant from, Instant to, UserId by, Instant at) {
        return jdbc.sql("""
                                UPDATE home_visit SET state = 'ASSIGNED', doctor_id = :doctor, window_from = :from,
                                       window_to = :to, assigned_at = :at, assigned_by = :by
                                WHERE id = :id AND state = 'NEW'
                                """)
                        .param("id", id)
                        .param("doctor", doctor.value())
                        .param("from", Columns.utc(from))
                        .param("to", Columns.utc(to))
                        .param("at", Columns.utc(at))
                        .param("by", by.value())
                        .update()
                == 1;
    }

    /** A new doctor or window for an assigned request, while it is still assigned. */
    boolean reassign(UUID id, DoctorId doctor, Instant from, Instant to, UserId by, Instant at) {
        return jdbc.sql("""
                                UPDATE home_visit SET doctor_id = :doctor, window_from = :from, window_to = :to,
                                       assigned_at = :at, assigned_by = :by
                                WHERE id = :id AND state = 'ASSIGNED'
                                """)
                        .param("id", id)
                        .param("doctor", doctor.value())
                        .param("from", Columns.utc(from))
                        .param("to", Columns.utc(to))
                        .param("at", Columns.utc(at))
                        .param("by", by.value())
                        .update()
                == 1;
    }

    /** Closes an open request (cancelled) or an assigned one (visited, not at home); frees its day. */
    boolean close(UUID id, HomeVisitState from, HomeVisitState to, UserId by, Instant at) {
        return jdbc.sql("""
                                UPDATE home_visit SET state = :to, open_day = NULL, closed_at = :at, closed_by = :by
                                WHERE id = :id AND state = :from
                                """)
                        .param("id", id)
                        .param("from", from.name())
                        .param("to", to.name())
                        .param("at", Columns.utc(at))
                        .param("by", by.value())
                        .update()
                == 1;
    }

    void protocol(
            UUID id,
            String complaints,
            String examination,
            String diagnosisCode,
            String diagnosisName,
            String recommendations,
            UUID entry) {
        jdbc.sql("""
                        UPDATE home_visit SET complaints = :complaints, examination = :examination,
                               diagnosis_code = :code, diagnosis_name = :name, recommendations = :recommendations,
                               record_entry_id = :entry
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("complaints", complaints)
                .param("examination", examination)
                .param("code", diagnosisCode)
                .param("name", diagnosisName)
                .param("recommendations", recommendations)
                .param("entry", entry)
                .update();
    }

    private static Row row(ResultSet row, int n) throws SQLException {
        UUID doctor = Columns.uuid(row, "doctor_id");
        return new Row(
                Columns.uuid(row, "id"),
                new PatientId(Columns.uuid(row, "patient_id")),
                new ClinicId(Columns.uuid(row, "clinic_id")),
                new UserId(Columns.uuid(row, "asked_by")),
                row.getString("address"),
                row.getString("reason"),
                row.getBigDecimal("temperature"),
                row.getString("phone"),
                row.getObject("wanted_on", LocalDate.class),
                HomeVisitState.valueOf(row.getString("state")),
                Columns.instant(row, "asked_at"),
                doctor == null ? null : new DoctorId(doctor),
                Columns.instant(row, "window_from"),
                Columns.instant(row, "window_to"),
                Columns.instant(row, "closed_at"),
                row.getString("complaints"),
                row.getString("examination"),
                row.getString("diagnosis_code"),
                row.getString("diagnosis_name"),
                row.getString("recommendations"),
                Columns.uuid(row, "record_entry_id"));
    }
}
