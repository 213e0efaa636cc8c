package org.medkarta.clinic;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.Columns;
import org.medkarta.shared.DoctorId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Service types of the clinics and the doctors who give them. */
@Repository
class Services {

    private static final String SELECT = """
            SELECT v.id, v.clinic_id, v.name, v.format, v.kind, v.duration_minutes, v.price_kopecks, v.visibility,
                   v.active, s.code, s.name_ru, s.name_en
            FROM clinic_service v JOIN clinic_specialty s ON s.code = v.specialty_code
            """;

    /** A checked service, ready to be written. */
    record Row(
            String name,
            String specialty,
            ServiceFormat format,
            ServiceKind kind,
            int durationMinutes,
            long priceKopecks,
            List<UUID> doctors,
            Visibility visibility,
            boolean active) {}

    private final JdbcClient jdbc;

    Services(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ServiceId id, ClinicId clinic, Row row, Instant now) {
        jdbc.sql("""
                        INSERT INTO clinic_service (id, clinic_id, name, specialty_code, format, kind, duration_minutes,
                                                    price_kopecks, visibility, active, created_at)
                        VALUES (:id, :clinic, :name, :specialty, :format, :kind, :duration, :price, :visibility,
                                :active, :now)
                        """)
                .param("id", id.value())
                .param("clinic", clinic.value())
                .param("now", Columns.utc(now))
                .params(columns(row))
                .update();
        setDoctors(id, row.doctors());
    }

    void update(ServiceId id, Row row) {
        jdbc.sql("""
                        UPDATE clinic_service SET name = :name, specialty_code = :specialty, format = :format, kind = :kind,
                               duration_minutes = :duration, price_kopecks = :price, visibility = :visibility,
                               active = :active
                        WHERE id = :id
                        """).param("id", id.value()).params(columns(row)).update();
        setDoctors(id, row.doctors());
    }

    void priceChanged(ServiceId id, long from, long to, Instant at, UUID by) {
        jdbc.sql("""
                        INSERT INTO clinic_service_price_change (id, service_id, old_kopecks, new_kopecks, changed_at,
                                                                 changed_by)
                        VALUES (:id, :service, :old, :new, :at, :by)
                        """)
                .param("id", UUID.randomUUID())
                .param("service", id.value())
                .param("old", from)
                .param("new", to)
                .param("at", Columns.utc(at))
                .param("by", by)
                .update();
    }

    /** The changes of a service's price, newest first: old price, new price, when, by whom. */
    List<Object[]> priceChanges(ServiceId id) {
        return jdbc.sql("""
                        SELECT old_kopecks, new_kopecks, changed_at, changed_by FROM clinic_service_price_change
                        WHERE service_id = :service ORDER BY changed_at DESC, id
                        """)
                .param("service", id.value())
                .query((row, n) -> new Object[] {
                    row.getLong("old_kopecks"),
                    row.getLong("new_kopecks"),
                    Columns.instant(row, "changed_at"),
                    Columns.uuid(row, "changed_by")
                })
                .list();
    }

    /**
     * The price in force at an instant: the old price of the first change after it, or the current
     * price when it has not changed since.
     */
    Optional<Long> priceBefore(ServiceId id, Instant at) {
        return jdbc.sql("""
                        SELECT old_kopecks FROM clinic_service_price_change
                        WHERE service_id = :service AND changed_at > :at ORDER BY changed_at, id
                        """).param("service", id.value()).param("at", Columns.utc(at)).query(Long.class).list().stream()
                .findFirst();
    }

    Optional<ServiceView> find(ServiceId id) {
        return withDoctors(jdbc.sql(SELECT + " WHERE v.id = :id")
                        .param("id", id.value())
                        .query(Services::view)
                        .list())
                .stream()
                .findFirst();
    }

    List<ServiceView> ofClinic(ClinicId clinic) {
        return withDoctors(jdbc.sql(SELECT + " WHERE v.clinic_id = :clinic ORDER BY v.name, v.id")
                .param("clinic", clinic.value())
                .query(Services::view)
                .list());
    }

    List<ServiceView> ofDoctor(DoctorId doctor) {
        return withDoctors(jdbc.sql(SELECT + " WHERE v.id IN (SELECT service_id FROM clinic_service_doctor"
                        + " WHERE doctor_id = :doctor) ORDER BY v.name, v.id")
                .param("doctor", doctor.value())
                .query(Services::view)
                .list());
    }

    /**
     * The active services of active doctors in one joined query, for slot search: optionally of one
     * specialty (which the doctor must have too), clinic, doctor and format.
     */
    List<BookableService> bookable(String specialty, ClinicId clinic, DoctorId doctor, ServiceFormat format) {
        var conditions = new java.util.ArrayList<String>();
        conditions.add("d.active = TRUE AND v.active = TRUE AND v.clinic_id = d.clinic_id");
        var params = new java.util.HashMap<String, Object>();
        if (specialty != null) {
            conditions.add("v.specialty_code = :specialty AND EXISTS (SELECT 1 FROM clinic_doctor_specialty ds"
                    + " WHERE ds.doctor_id = d.id AND ds.specialty_code = :specialty)");
            params.put("specialty", specialty);
        }
        if (clinic != null) {
            conditions.add("d.clinic_id = :clinic");
            params.put("clinic", clinic.value());
        }
        if (doctor != null) {
            conditions.add("d.id = :doctor");
            params.put("doctor", doctor.value());
        }
        if (format != null) {
            conditions.add("v.format = :format");
            params.put("format", format.name());
        }
        return jdbc.sql("""
                        SELECT d.id AS doctor_id, d.last_name, d.first_name, d.patronymic, d.clinic_id,
                               d.visibility AS doctor_visibility, v.id AS service_id, v.name, v.specialty_code,
                               v.format, v.price_kopecks, v.visibility AS service_visibility, c.region
                        FROM clinic_service_doctor sd
                        JOIN clinic_doctor d ON d.id = sd.doctor_id
                        JOIN clinic_service v ON v.id = sd.service_id
                        JOIN clinic c ON c.id = d.clinic_id
                        WHERE
                        """ + " " + String.join(" AND ", conditions))
                .params(params)
                .query((row, number) -> {
                    String patronymic = row.getString("patronymic");
                    String name = row.getString("last_name") + " " + row.getString("first_name")
                            + (patronymic == null ? "" : " " + patronymic);
                    return new BookableService(
                            new DoctorId(Columns.uuid(row, "doctor_id")),
                            name,
                            new ClinicId(Columns.uuid(row, "clinic_id")),
                            new ServiceId(Columns.uuid(row, "service_id")),
                            row.getString("name"),
                            row.getString("specialty_code"),
                            ServiceFormat.valueOf(row.getString("format")),
                            row.getLong("price_kopecks"),
                            Visibility.valueOf(row.getString("doctor_visibility"))
                                    .narrowest(Visibility.valueOf(row.getString("service_visibility"))),
                            row.getString("region"));
                })
                .list();
    }

    private void setDoctors(ServiceId id, List<UUID> doctors) {
        jdbc.sql("DELETE FROM clinic_service_doctor WHERE service_id = :id")
                .param("id", id.value())
                .update();
        for (UUID doctor : doctors) {
            jdbc.sql("INSERT INTO clinic_service_doctor (service_id, doctor_id) VALUES (:id, :doctor)")
                    .param("id", id.value())
                    .param("doctor", doctor)
                    .update();
        }
    }

    private static Map<String, Object> columns(Row row) {
        return Map.of(
                "name", row.name(),
                "specialty", row.specialty(),
                "format", row.format().name(),
                "kind", row.kind().name(),
                "duration", row.durationMinutes(),
                "price", row.priceKopecks(),
                "visibility", row.visibility().name(),
                "active", row.active());
    }

    private List<ServiceView> withDoctors(List<ServiceView> services) {
        if (services.isEmpty()) {
            return services;
        }
        record Link(UUID service, UUID doctor) {}
        Map<UUID, List<DoctorId>> doctors = jdbc
                .sql("SELECT service_id, doctor_id FROM clinic_service_doctor WHERE service_id IN (:ids)"
                        + " ORDER BY doctor_id")
                .param("ids", services.stream().map(s -> s.id().value()).toList())
                .query((row, n) -> new Link(Columns.uuid(row, "service_id"), Columns.uuid(row, "doctor_id")))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Link::service, Collectors.mapping(link -> new DoctorId(link.doctor()), Collectors.toList())));
        return services.stream()
                .map(s -> new ServiceView(
                        s.id(),
                        s.clinicId(),
                        s.name(),
                        s.specialty(),
                        s.format(),
                        s.kind(),
                        s.durationMinutes(),
                        s.priceKopecks(),
                        doctors.getOrDefault(s.id().value(), List.of()),
                        s.visibility(),
                        s.active()))
                .toList();
    }

    private static ServiceView view(ResultSet row, int number) throws SQLException {
        return new ServiceView(
                new ServiceId(Columns.uuid(row, "id")),
                new ClinicId(Columns.uuid(row, "clinic_id")),
                row.getString("name"),
                new Specialty(row.getString("code"), row.getString("name_ru"), row.getString("name_en")),
                ServiceFormat.valueOf(row.getString("format")),
                ServiceKind.valueOf(row.getString("kind")),
                row.getInt("duration_minutes"),
                row.getLong("price_kopecks"),
                List.of(),
                Visibility.valueOf(row.getString("visibility")),
                row.getBoolean("active"));
    }
}
