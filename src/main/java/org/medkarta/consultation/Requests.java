package org.medkarta.consultation;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.clinic.ServiceKind;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.Columns;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The consultation requests; state changes are conditional updates, so two clicks change it once. */
@Repository
class Requests {

    private static final String COLUMNS = """
            id, appointment_id, kind, channel, state, patient_id, patient_user_id, patient_name, doctor_id,
            doctor_user_id, doctor_name, clinic_id, service_name, referring_doctor_id, referring_user_id,
            referring_name, starts_at, ends_at, starts_on, time_zone, question, anamnesis, complaints, opened_at, taken_at,
            closed_at
            """;

    /**
     * Everyone a request belongs to: its doctor, the referring doctor, the patient, and those who may
     * act for the patient now (a parent of a child under 15, a grantee with full control).
     */
    private static final String WHOSE = """
             (doctor_user_id = :user OR referring_user_id = :user OR patient_id = :patient
              OR patient_id IN (:represented))
            """;

    private static final UUID NOBODY = new UUID(0, 0);

    private final JdbcClient jdbc;

    Requests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the request of a booking for {@code service}; false when the appointment already has one
     * (a concurrent opening won).
     */
    boolean insert(Consultation c, UUID service) {
        return jdbc.sql("INSERT INTO consultation (" + COLUMNS + """
                        , patient_search, service_id) VALUES (:id, :appointment, :kind, :channel, :state, :patient, :patientUser, :patientName,
                          :doctor, :doctorUser, :doctorName, :clinic, :service, :referring, :referringUser,
                          :referringName, :start, :end, :on, :zone, :question, :anamnesis, :complaints, :opened, NULL, NULL,
                          :search, :serviceId) ON CONFLICT DO NOTHING
                        """)
                        .param("search", searchable(c.patientName()))
                        .param("serviceId", service)
                        .param("id", c.id())
                        .param("appointment", c.appointmentId())
                        .param("kind", c.kind().name())
                        .param("channel", c.channel().name())
                        .param("state", c.state().name())
                        .param("patient", c.patientId().value())
                        .param("patientUser", c.patientUserId().value())
                        .param("patientName", c.patientName())
                        .param("doctor", c.doctorId().value())
                        .param("doctorUser", c.doctorUserId().value())
                        .param("doctorName", c.doctorName())
                        .param("clinic", c.clinicId().value())
                        .param("service", c.serviceName())
                        .param(
                                "referring",
                                c.referringDoctorId() == null
                                        ? null
                                        : c.referringDoctorId().value())
                        .param(
                                "referringUser",
                                c.referringUserId() == null
                                        ? null
                                        : c.referringUserId().value())
                        .param("referringName", c.referringName())
                        .param("start", Columns.utc(c.start()))
                        .param("end", Columns.utc(c.end()))
                        .param("on", Date.valueOf(c.startsOn()))
                        .param("zone", c.zone().getId())
                        .param("question", c.question())
                        .param("anamnesis", c.anamnesis())
                        .param("complaints", c.complaints())
                        .param("opened", Columns.utc(c.openedAt()))
                        .update()
                == 1;
    }

    Optional<Consultation> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM consultation WHERE id = :id")
                .param("id", id)
                .query(Requests::row)
                .optional();
    }

    Optional<Consultation> ofAppointment(UUID appointment) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM consultation WHERE appointment_id = :id")
                .param("id", appointment)
                .query(Requests::row)
                .optional();
    }

    /** Moves the request from one state to another; false when it was not in {@code from}. */
    boolean change(UUID id, ConsultationState from, ConsultationState to, String column, Instant at) {
        return jdbc.sql("UPDATE consultation SET state = :to, " + column + " = :at WHERE id = :id AND state = :from")
                        .param("to", to.name())
                        .param("at", Columns.utc(at))
                        .param("id", id)
                        .param("from", from.name())
                        .update()
                == 1;
    }

    void cancel(UUID appointment, Instant at) {
        jdbc.sql("""
                        UPDATE consultation SET state = 'CANCELLED', cancelled_at = :at
                        WHERE appointment_id = :appointment AND state = 'NEW'
                        """)
                .param("at", Columns.utc(at))
                .param("appointment", appointment)
                .update();
    }

    void move(UUID appointment, Instant start, Instant end, LocalDate on) {
        jdbc.sql("""
                        UPDATE consultation SET starts_at = :start, ends_at = :end, starts_on = :on
                        WHERE appointment_id = :appointment AND state = 'NEW'
                        """)
                .param("start", Columns.utc(start))
                .param("end", Columns.utc(end))
                .param("on", Date.valueOf(on))
                .param("appointment", appointment)
                .update();
    }

    void describe(UUID id, RequestForm form) {
        jdbc.sql("UPDATE consultation SET question = :question, anamnesis = :anamnesis, complaints = :complaints"
                        + " WHERE id = :id")
                .param("question", form.question())
                .param("anamnesis", form.anamnesis())
                .param("complaints", form.complaints())
                .param("id", id)
                .update();
    }

    /** The person's requests in a state as the desk shows it, {@code OVERDUE} apart from {@code NEW}. */
    List<Consultation> desk(
            SignedInUser user,
            List<PatientId> represented,
            ConsultationState state,
            DeskFilter filter,
            Instant now,
            int limit) {
        var sql = new StringBuilder("SELECT " + COLUMNS + " FROM consultation WHERE" + WHOSE);
        String order = " ORDER BY starts_at";
        switch (state) {
            case NEW -> sql.append(" AND state = 'NEW' AND starts_at > :now");
            case OVERDUE -> sql.append(" AND state = 'NEW' AND starts_at <= :now");
            case CLOSED -> {
                sql.append(" AND state = 'CLOSED'");
                order = " ORDER BY closed_at DESC";
            }
            default -> sql.append(" AND state = :state");
        }
        filters(sql, filter);
        sql.append(order).append(" LIMIT :limit");
        var statement = whose(jdbc.sql(sql.toString()), user, represented)
                .param("now", Columns.utc(now))
                .param("state", state.name())
                .param("limit", limit);
        return filterParams(statement, filter).query(Requests::row).list();
    }

    /** How many requests the person has in each desk state, under the same filters. */
    Map<ConsultationState, Integer> counts(
            SignedInUser user, List<PatientId> represented, DeskFilter filter, Instant now) {
        var sql = new StringBuilder("""
                SELECT desk_state, COUNT(*) AS n FROM (
                  SELECT CASE WHEN state = 'NEW' AND starts_at <= :now THEN 'OVERDUE' ELSE state END AS desk_state
                  FROM consultation WHERE""" + WHOSE);
        filters(sql, filter);
        sql.append(") counted GROUP BY desk_state");
        var counts = new EnumMap<ConsultationState, Integer>(ConsultationState.class);
        for (var state : ConsultationState.values()) {
            counts.put(state, 0);
        }
        var statement = whose(jdbc.sql(sql.toString()), user, represented).param("now", Columns.utc(now));
        filterParams(statement, filter)
                .query((row, n) -> Map.entry(ConsultationState.valueOf(row.getString("desk_state")), row.getInt("n")))
                .list()
                .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
        return counts;
    }

    private static JdbcClient.StatementSpec whose(
            JdbcClient.StatementSpec statement, SignedInUser user, List<PatientId> represented) {
        return statement
                .param("user", user.userId().value())
                .param(
                        "represented",
                        represented.isEmpty()
                                ? List.of(NOBODY)
                                : represented.stream().map(PatientId::value).toList())
                .param(
                        "patient",
                        user.patientId() == null ? NOBODY : user.patientId().value());
    }

    private static void filters(StringBuilder sql, DeskFilter filter) {
        if (filter.date() != null) {
            sql.append(" AND starts_on = :on");
        }
        if (filter.channel() != null) {
            sql.append(" AND channel = :channel");
        }
        if (filter.patientName() != null && !filter.patientName().isBlank()) {
            sql.append(" AND patient_search LIKE :name ESCAPE '!'");
        }
    }

    private static JdbcClient.StatementSpec filterParams(JdbcClient.StatementSpec statement, DeskFilter filter) {
        if (filter.date() != null) {
            statement = statement.param("on", Date.valueOf(filter.date()));
        }
        if (filter.channel() != null) {
            statement = statement.param("channel", filter.channel().name());
        }
        if (filter.patientName() != null && !filter.patientName().isBlank()) {
            String escaped = searchable(filter.patientName())
                    .replace("!", "!!")
                    .replace("%", "!%")
                    .replace("_", "!_");
            statement = statement.param("name", "%" + escaped + "%");
        }
        return statement;
    }

    static String searchable(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replace('ё', 'е');
    }

    private static Consultation row(ResultSet row, int number) throws SQLException {
        UUID referring = Columns.uuid(row, "referring_doctor_id");
        UUID referringUser = Columns.uuid(row, "referring_user_id");
        return new Consultation(
                Columns.uuid(row, "id"),
                Columns.uuid(row, "appointment_id"),
                ServiceKind.valueOf(row.getString("kind")),
                Channel.valueOf(row.getString("channel")),
                ConsultationState.valueOf(row.getString("state")),
                new PatientId(Columns.uuid(row, "patient_id")),
                new UserId(Columns.uuid(row, "patient_user_id")),
                row.getString("patient_name"),
                new DoctorId(Columns.uuid(row, "doctor_id")),
                new UserId(Columns.uuid(row, "doctor_user_id")),
                row.getString("doctor_name"),
                new ClinicId(Columns.uuid(row, "clinic_id")),
                row.getString("service_name"),
                referring == null ? null : new DoctorId(referring),
                referringUser == null ? null : new UserId(referringUser),
                row.getString("referring_name"),
                Columns.instant(row, "starts_at"),
                Columns.instant(row, "ends_at"),
                row.getDate("starts_on").toLocalDate(),
                java.time.ZoneId.of(row.getString("time_zone")),
                row.getString("question"),
                row.getString("anamnesis"),
                row.getString("complaints"),
                Columns.instant(row, "opened_at"),
                Columns.instant(row, "taken_at"),
                Columns.instant(row, "closed_at"));
    }
}
