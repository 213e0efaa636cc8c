package org.medkarta.clinic;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.Columns;
import org.medkarta.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Clinic profiles and their administrators. */
@Repository
class Clinics {

    private static final String COLUMNS = "c.id, c.name, c.inn, c.ogrn, c.license_number, c.license_date, c.region,"
            + " c.address, c.timezone, c.phone, c.phone_extra, c.email, c.site, c.description, c.created_at,"
            + " c.latitude, c.longitude,"
            + " (SELECT COUNT(*) FROM clinic_image i WHERE i.owner_id = c.id) AS logos";

    /** A checked profile, ready to be written. */
    record Profile(
            String name,
            String inn,
            String ogrn,
            String licenseNumber,
            LocalDate licenseDate,
            String region,
            String address,
            String timezone,
            String phone,
            String phoneExtra,
            String email,
            String site,
            String description,
            Double latitude,
            Double longitude) {

        Map<String, Object> columns() {
            var columns = new HashMap<String, Object>();
            columns.put("name", name);
            columns.put("inn", inn);
            columns.put("ogrn", ogrn);
            columns.put("licenseNumber", licenseNumber);
            columns.put("licenseDate", licenseDate);
            columns.put("region", region);
            columns.put("address", address);
            columns.put("timezone", timezone);
            columns.put("phone", phone);
            columns.put("phoneExtra", phoneExtra);
            columns.put("email", email);
            columns.put("site", site);
            columns.put("description", description);
            columns.put("latitude", latitude);
            columns.put("longitude", longitude);
            return columns;
        }
    }

    private final JdbcClient jdbc;

    Clinics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ClinicId id, Profile profile, Instant now) {
        jdbc.sql("""
                        INSERT INTO clinic (id, name, inn, ogrn, license_number, license_date, region, address, timezone,
                                            phone, phone_extra, email, site, description, latitude, longitude,
                                            created_at)
                        VALUES (:id, :name, :inn, :ogrn, :licenseNumber, :licenseDate, :region, :address, :timezone,
                                :phone, :phoneExtra, :email, :site, :description, :latitude, :longitude,
                                :now)
                        """)
                .params(profile.columns())
                .param("id", id.value())
                .param("now", Columns.utc(now))
                .update();
    }

    void update(ClinicId id, Profile profile) {
        jdbc.sql("""
                        UPDATE clinic SET name = :name, inn = :inn, ogrn = :ogrn, license_number = :licenseNumber,
                               license_date = :licenseDate, region = :region, address = :address, timezone = :timezone,
                               phone = :phone, phone_extra = :phoneExtra, email = :email, site = :site,
                               description = :description, latitude = :latitude, longitude = :longitude
                        WHERE id = :id
                        """).params(profile.columns()).param("id", id.value()).update();
    }

    Optional<ClinicView> find(ClinicId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM clinic c WHERE c.id = :id")
                .param("id", id.value())
                .query(Clinics::view)
                .optional();
    }

    /** The clinics of these ids, in no order; unknown ids are left out. */
    List<ClinicView> findAll(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM clinic c WHERE c.id IN (:ids)")
                .param("ids", ids)
                .query(Clinics::view)
                .list();
    }

    boolean exists(ClinicId id) {
        return jdbc.sql("SELECT COUNT(*) FROM clinic WHERE id = :id")
                        .param("id", id.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Every clinic, or those of one region, by name. */
    List<ClinicView> all(String region) {
        // Two statements rather than ":region IS NULL": PostgreSQL cannot type a bare null parameter.
        var query = region == null
                ? jdbc.sql("SELECT " + COLUMNS + " FROM clinic c ORDER BY c.name, c.id")
                : jdbc.sql("SELECT " + COLUMNS + " FROM clinic c WHERE c.region = :region ORDER BY c.name, c.id")
                        .param("region", region);
        return query.query(Clinics::view).list();
    }

    List<ClinicView> administeredBy(UserId user) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM clinic c JOIN clinic_admin a ON a.clinic_id = c.id"
                        + " WHERE a.user_id = :user ORDER BY c.name, c.id")
                .param("user", user.value())
                .query(Clinics::view)
                .list();
    }

    void addAdmin(ClinicId clinic, UserId user) {
        jdbc.sql("INSERT INTO clinic_admin (clinic_id, user_id) VALUES (:clinic, :user) ON CONFLICT DO NOTHING")
                .param("clinic", clinic.value())
                .param("user", user.value())
                .update();
    }

    boolean isAdmin(ClinicId clinic, UserId user) {
        return jdbc.sql("SELECT COUNT(*) FROM clinic_admin WHERE clinic_id = :clinic AND user_id = :user")
                        .param("clinic", clinic.value())
                        .param("user", user.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    List<UUID> clinicsOf(UserId admin) {
        return jdbc.sql("SELECT clinic_id FROM clinic_admin WHERE user_id = :user")
                .param("user", admin.value())
                .query(UUID.class)
                .list();
    }

    private static ClinicView view(ResultSet row, int number) throws SQLException {
        String region = row.getString("region");
        return new ClinicView(
                new ClinicId(Columns.uuid(row, "id")),
                row.getString("name"),
                row.getString("inn"),
                row.getString("ogrn"),
                row.getString("license_number"),
                row.getObject("license_date", LocalDate.class),
                region,
                Regions.name(region),
                row.getString("address"),
                row.getString("timezone"),
                row.getString("phone"),
                row.getString("phone_extra"),
                row.getString("email"),
                row.getString("site"),
                row.getString("description"),
                row.getLong("logos") > 0,
                Columns.instant(row, "created_at"),
                row.getObject("latitude", Double.class),
                row.getObject("longitude", Double.class));
    }
}
