package org.medkarta.clinic;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.Columns;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Doctors' profiles, one per clinic they work in. */
@Repository
class Doctors {

    private static final String SELECT = """
            SELECT d.id, d.clinic_id, c.name AS clinic_name, d.user_id, d.email, d.last_name, d.first_name,
                   d.patronymic, d.position, d.experience_years, d.biography, d.timezone, d.visibility, d.active,
                   (SELECT COUNT(*) FROM clinic_image i WHERE i.owner_id = d.id) AS photos
            FROM clinic_doctor d JOIN clinic c ON c.id = d.clinic_id
            """;

    /** A checked profile, ready to be written. */
    record Profile(
            String lastName,
            String firstName,
            String patronymic,
            String position,
            Integer experienceYears,
            String biography,
            String timezone,
            String visibility,
            boolean active) {

        Map<String, Object> columns() {
            var columns = new java.util.HashMap<String, Object>();
            columns.put("lastName", lastName);
            columns.put("firstName", firstName);
            columns.put("patronymic", patronymic);
            columns.put("searchName", searchName());
            columns.put("position", position);
            columns.put("experienceYears", experienceYears);
            columns.put("biography", biography);
            columns.put("timezone", timezone);
            columns.put("visibility", visibility);
            columns.put("active", active);
            return columns;
        }

        String searchName() {
            return String.join(" ", lastName, firstName, patronymic == null ? "" : patronymic)
                    .strip()
                    .toLowerCase(Locale.ROOT);
        }
    }

    private final JdbcClient jdbc;
    private final Specialties specialties;

    Doctors(JdbcClient jdbc, Specialties specialties) {
        this.jdbc = jdbc;
        this.specialties = specialties;
    }

    void insert(DoctorId id, ClinicId clinic, UserId user, String email, Profile profile, Instant now) {
        jdbc.sql("""
                        INSERT INTO clinic_doctor (id, clinic_id, user_id, email, last_name, first_name, patronymic,
                                                   search_name, position, experience_years, biography, timezone,
                                                   visibility, active, created_at)
                        VALUES (:id, :clinic, :user, :email, :lastName, :firstName, :patronymic, :searchName,
                                :position, :experienceYears, :biography, :timezone, :visibility, :active, :now)
                        """)
                .params(profile.columns())
                .param("id", id.value())
                .param("clinic", clinic.value())
                .param("user", user.value())
                .param("email", email)
                .param("now", Columns.utc(now))
                .update();
    }

    void update(DoctorId id, Profile profile) {
        jdbc.sql("""
                        UPDATE clinic_doctor SET last_name = :lastName, first_name = :firstName, patronymic = :patronymic,
                               search_name = :searchName, position = :position, experience_years = :experienceYears,
                               biography = :biography, timezone = :timezone, visibility = :visibility, active = :active
                        WHERE id = :id
                        """).params(profile.columns()).param("id", id.value()).update();
    }

    Optional<DoctorView> find(DoctorId id) {
        return withSpecialties(jdbc.sql(SELECT + " WHERE d.id = :id")
                        .param("id", id.value())
                        .query(Doctors::view)
                        .list())
                .stream()
                .findFirst();
    }

    boolean exists(ClinicId clinic, UserId user) {
        return jdbc.sql("SELECT COUNT(*) FROM clinic_doctor WHERE clinic_id = :clinic AND user_id = :user")
                        .param("clinic", clinic.value())
                        .param("user", user.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    List<DoctorView> ofClinic(ClinicId clinic) {
        return withSpecialties(
                jdbc.sql(SELECT + " WHERE d.clinic_id = :clinic ORDER BY d.last_name, d.first_name, d.id")
                        .param("clinic", clinic.value())
                        .query(Doctors::view)
                        .list());
    }

    List<DoctorView> ofUser(UserId user) {
        return withSpecialties(jdbc.sql(SELECT + " WHERE d.user_id = :user ORDER BY c.name, d.id")
                .param("user", user.value())
                .query(Doctors::view)
                .list());
    }

    /** Active doctors by specialty, part of the name and clinic; each filter is optional. */
    List<DoctorView> search(String specialty, String name, ClinicId clinic, int limit) {
        return search(specialty, name, clinic, null, limit);
    }

    /**
     * {@link #search(String, String, ClinicId, int)} of the doctors who give an active service of this
     * kind (any when null): the filter is in the query, so the limit counts only such doctors.
     */
    List<DoctorView> search(String specialty, String name, ClinicId clinic, ServiceKind offering, int limit) {
        var conditions = new ArrayList<String>();
        conditions.add("d.active = TRUE");
        var params = new java.util.LinkedHashMap<String, Object>();
        if (offering != null) {
            conditions.add(
                    "EXISTS (SELECT 1 FROM clinic_service_doctor sd JOIN clinic_service v ON v.id = sd.service_id"
                            + " WHERE sd.doctor_id = d.id AND v.active = TRUE AND v.kind = :offering)");
            params.put("offering", offering.name());
        }
        if (specialty != null) {
            conditions.add("EXISTS (SELECT 1 FROM clinic_doctor_specialty ds WHERE ds.doctor_id = d.id"
                    + " AND ds.specialty_code = :specialty)");
            params.put("specialty", specialty);
        }
        if (name != null) {
            conditions.add("d.search_name LIKE :name ESCAPE '\\'");
            params.put(
                    "name",
                    "%"
                            + name.toLowerCase(Locale.ROOT)
                                    .replace("\\", "\\\\")
                                    .replace("%", "\\%")
                                    .replace("_", "\\_")
                            + "%");
        }
        if (clinic != null) {
            conditions.add("d.clinic_id = :clinic");
            params.put("clinic", clinic.value());
        }
        return withSpecialties(jdbc.sql(SELECT + " WHERE " + String.join(" AND ", conditions)
                        + " ORDER BY d.last_name, d.first_name, d.id LIMIT " + limit)
                .params(params)
                .query(Doctors::view)
                .list());
    }

    /** Which of the given doctors work in the clinic. */
    List<UUID> ofClinicAmong(ClinicId clinic, List<UUID> doctors) {
        if (doctors.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id FROM clinic_doctor WHERE clinic_id = :clinic AND id IN (:doctors)")
                .param("clinic", clinic.value())
                .param("doctors", doctors)
                .query(UUID.class)
                .list();
    }

    private List<DoctorView> withSpecialties(List<DoctorView> doctors) {
        Map<UUID, List<Specialty>> of =
                specialties.ofDoctors(doctors.stream().map(d -> d.id().value()).toList());
        return doctors.stream()
                .map(d -> new DoctorView(
                        d.id(),
                        d.clinicId(),
                        d.clinicName(),
                        d.userId(),
                        d.email(),
                        d.lastName(),
                        d.firstName(),
                        d.patronymic(),
                        of.getOrDefault(d.id().value(), List.of()),
                        d.position(),
                        d.experienceYears(),
                        d.biography(),
                        d.timezone(),
                        d.visibility(),
                        d.active(),
                        d.hasPhoto()))
                .toList();
    }

    private static DoctorView view(ResultSet row, int number) throws SQLException {
        return new DoctorView(
                new DoctorId(Columns.uuid(row, "id")),
                new ClinicId(Columns.uuid(row, "clinic_id")),
                row.getString("clinic_name"),
                new UserId(Columns.uuid(row, "user_id")),
                row.getString("email"),
                row.getString("last_name"),
                row.getString("first_name"),
                row.getString("patronymic"),
                List.of(),
                row.getString("position"),
                Columns.integer(row, "experience_years"),
                row.getString("biography"),
                row.getString("timezone"),
                Visibility.valueOf(row.getString("visibility")),
                row.getBoolean("active"),
                row.getLong("photos") > 0);
    }
}
