package org.medkarta.scheduling;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.Columns;
import org.medkarta.shared.DoctorId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Slots of doctors' schedules (SPEC C2); booking takes one with a conditional update. */
@Repository
class Slots {

    private static final String SELECT = """
            SELECT id, doctor_id, clinic_id, template_id, starts_at, ends_at, status, service_ids, appointment_id
            FROM scheduling_slot
            """;

    private final JdbcClient jdbc;

    Slots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a free slot unless the doctor already has one starting then; true when added. */
    boolean add(UUID id, DoctorId doctor, ClinicId clinic, UUID template, Instant start, Instant end, String services) {
        return jdbc.sql("""
                        INSERT INTO scheduling_slot (id, doctor_id, clinic_id, template_id, starts_at, ends_at, status,
                               service_ids)
                        VALUES (:id, :doctor, :clinic, :template, :start, :end, 'FREE', :services)
                        ON CONFLICT DO NOTHING
                        """)
                        .param("id", id)
                        .param("doctor", doctor.value())
                        .param("clinic", clinic.value())
                        .param("template", template)
                        .param("start", Columns.utc(start))
                        .param("end", Columns.utc(end))
                        .param("services", services)
                        .update()
                == 1;
    }

    Optional<SlotView> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = :id")
                .param("id", id)
                .query(Slots::row)
                .optional();
    }

    /** Every slot of a doctor starting in {@code [from, to)}, earliest first. */
    List<SlotView> ofDoctor(DoctorId doctor, Instant from, Instant to) {
        return jdbc.sql(SELECT
                        + " WHERE doctor_id = :doctor AND starts_at >= :from AND starts_at < :to ORDER BY starts_at")
                .param("doctor", doctor.value())
                .param("from", Columns.utc(from))
                .param("to", Columns.utc(to))
                .query(Slots::row)
                .list();
    }

    /** Whether any slot of the doctor other than {@code except} overlaps {@code [start, end)}. */
    boolean overlapping(DoctorId doctor, Instant start, Instant end) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM scheduling_slot
                        WHERE doctor_id = :doctor AND starts_at < :end AND ends_at > :start
                        """)
                        .param("doctor", doctor.value())
                        .param("start", Columns.utc(start))
                        .param("end", Columns.utc(end))
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * One page of free slots starting at or after {@code from}, nearest first: each group of doctors
     * has its own end (their clinics' booking horizons differ). Walks the (status, starts_at) index.
     */
    List<SlotView> freePage(Map<Instant, ? extends Collection<UUID>> doctorsUntil, Instant from, int offset, int size) {
        if (doctorsUntil.isEmpty()) {
            return List.of();
        }
        var groups = new ArrayList<String>();
        var params = new HashMap<String, Object>();
        int number = 0;
        for (var group : doctorsUntil.entrySet()) {
            groups.add("(doctor_id IN (:doctors" + number + ") AND starts_at < :to" + number + ")");
            params.put("doctors" + number, group.getValue());
            params.put("to" + number, Columns.utc(group.getKey()));
            number++;
        }
        return jdbc.sql(SELECT + " WHERE status = 'FREE' AND starts_at >= :from AND (" + String.join(" OR ", groups)
                        + ") ORDER BY starts_at, id LIMIT :size OFFSET :offset")
                .params(params)
                .param("from", Columns.utc(from))
                .param("size", size)
                .param("offset", offset)
                .query(Slots::row)
                .list();
    }

    /**
     * Doctors whose free slots a search reads until {@code to}: any slot of theirs, or, when {@code
     * services} is not null, only slots bookable for one of those services.
     */
    record Group(Collection<UUID> doctors, Instant to, Collection<UUID> services) {}

    /** How many free slots starting at or after {@code from} the groups hold. */
    long countFree(List<Group> groups, Instant from) {
        var params = new HashMap<String, Object>();
        String where = freeWhere(groups, from, params);
        return jdbc.sql("SELECT COUNT(*) FROM scheduling_slot WHERE " + where)
                .params(params)
                .query(Long.class)
                .single();
    }

    /** One page of the groups' free slots starting at or after {@code from}, nearest first. */
    List<SlotView> freePage(List<Group> groups, Instant from, int offset, int size) {
        var params = new HashMap<String, Object>();
        String where = freeWhere(groups, from, params);
        return jdbc.sql(SELECT + " WHERE " + where + " ORDER BY starts_at, id LIMIT :size OFFSET :offset")
                .params(params)
                .param("size", size)
                .param("offset", offset)
                .query(Slots::row)
                .list();
    }

    /** A service is found in the slot's comma-separated list of service ids by its whole id. */
    private static String freeWhere(List<Group> groups, Instant from, Map<String, Object> params) {
        var conditions = new ArrayList<String>();
        int number = 0;
        for (var group : groups) {
            var condition = new StringBuilder("(doctor_id IN (:doctors" + number + ") AND starts_at < :to" + number);
            params.put("doctors" + number, group.doctors());
            params.put("to" + number, Columns.utc(group.to()));
            if (group.services() != null) {
                var services = new ArrayList<String>();
                int index = 0;
                for (UUID service : group.services()) {
                    String name = "service" + number + "_" + index++;
                    services.add("service_ids LIKE :" + name);
                    params.put(name, "%" + service + "%");
                }
                condition.append(" AND (").append(String.join(" OR ", services)).append(')');
            }
            conditions.add(condition.append(')').toString());
            number++;
        }
        params.put("from", Columns.utc(from));
        return "status = 'FREE' AND starts_at >= :from AND (" + String.join(" OR ", conditions) + ")";
    }

    /**
     * Takes a free slot for an appointment: the single statement that makes double booking
     * impossible. Concurrent takers queue on the row and all but the first find it no longer free.
     *
     * <p>"Free" is written as "neither booked nor closed" on purpose: a condition the status index
     * cannot serve keeps the planner on the primary key. With {@code status = 'FREE'} and
     * statistics from a moment with few free slots (before a day's slots open), PostgreSQL walked
     * every free slot through the status index on each booking (bench/booking).
     */
    boolean take(UUID slot, UUID appointment) {
        return jdbc.sql("""
                        UPDATE scheduling_slot SET status = 'BOOKED', appointment_id = :appointment
                        WHERE id = :slot AND status NOT IN ('BOOKED', 'CLOSED')
                        """)
                        .param("slot", slot)
                        .param("appointment", appointment)
                        .update()
                == 1;
    }

    /** Frees the slot an appointment held. */
    void release(UUID slot, UUID appointment) {
        jdbc.sql("""
                        UPDATE scheduling_slot SET status = 'FREE', appointment_id = NULL
                        WHERE id = :slot AND appointment_id = :appointment
                        """).param("slot", slot).param("appointment", appointment).update();
    }

    /** Closes a free slot, or opens a closed one; false when the slot was not in the expected state. */
    boolean change(UUID slot, SlotStatus from, SlotStatus to) {
        return jdbc.sql("UPDATE scheduling_slot SET status = :to WHERE id = :slot AND status = :from")
                        .param("slot", slot)
                        .param("from", from.name())
                        .param("to", to.name())
                        .update()
                == 1;
    }

    /** Removes the free future slots a template made, before it is made again or switched off. */
    void removeFree(UUID template, Instant after) {
        jdbc.sql("DELETE FROM scheduling_slot WHERE template_id = :template AND status = 'FREE' AND starts_at > :after")
                .param("template", template)
                .param("after", Columns.utc(after))
                .update();
    }

    /** The booked future slots of a template. */
    List<SlotView> booked(UUID template, Instant after) {
        return jdbc.sql(SELECT + " WHERE template_id = :template AND status = 'BOOKED' AND starts_at > :after")
                .param("template", template)
                .param("after", Columns.utc(after))
                .query(Slots::row)
                .list();
    }

    /** Unlinks the slots from a deleted template; booked and past ones stay as single slots. */
    void detach(UUID template) {
        jdbc.sql("UPDATE scheduling_slot SET template_id = NULL WHERE template_id = :template")
                .param("template", template)
                .update();
    }

    private static SlotView row(ResultSet row, int number) throws SQLException {
        return new SlotView(
                Columns.uuid(row, "id"),
                new DoctorId(Columns.uuid(row, "doctor_id")),
                new ClinicId(Columns.uuid(row, "clinic_id")),
                Columns.uuid(row, "template_id"),
                Columns.instant(row, "starts_at"),
                Columns.instant(row, "ends_at"),
                SlotStatus.valueOf(row.getString("status")),
                ScheduleTemplate.uuidsOf(row.getString("service_ids")),
                Columns.uuid(row, "appointment_id"));
    }
}
