package org.medkarta.testing;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.medkarta.clinic.ClinicForm;
import org.medkarta.clinic.ClinicView;
import org.medkarta.clinic.DocumentKind;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Clinics for tests: registered by a platform administrator, with an offer and a consent published. */
public final class TestClinics {

    /** A platform administrator acting in tests. */
    public static final SignedInUser PLATFORM = new SignedInUser(
            new UserId(new UUID(0, 98)), "Test", null, List.of(new RoleGrant(Role.PLATFORM_ADMIN, null)), "TEST");

    private TestClinics() {}

    /** A new clinic, registered and with its documents published, in Moscow's time zone, named {@code name} and a random suffix. */
    public static ClinicView register(ClinicFacades clinics, String name) {
        return register(clinics, name, "Europe/Moscow");
    }

    /** A new clinic, registered and with its documents published, in {@code zone}, named {@code name} and a random suffix. */
    public static ClinicView register(ClinicFacades clinics, String name, String zone) {
        var clinic = clinics.setUp()
                .register(
                        PLATFORM,
                        new ClinicForm(
                                name + " " + UUID.randomUUID().toString().substring(0, 6),
                                "7701234560",
                                "1027700123450",
                                null,
                                null,
                                "77",
                                "Москва, ул. Тестовая, 1",
                                zone,
                                "+7 495 000-00-02",
                                null,
                                "test@clinic.example.ru",
                                null,
                                null,
                                null,
                                null),
                        List.of(),
                        "http://localhost",
                        Locale.ENGLISH);
        clinics.documents().publish(PLATFORM, clinic.id(), DocumentKind.OFFER, "# Оферта\n\nТекст.");
        clinics.documents().publish(PLATFORM, clinic.id(), DocumentKind.CONSENT, "# Согласие\n\nТекст.");
        return clinic;
    }

    /**
     * The clinic under a fixed {@code id}, such as one whose signing key password the test
     * configuration holds: made once per database as a copy of the {@code registered} clinic's row, and
     * the same clinic on every later call.
     */
    public static ClinicId withFixedId(JdbcClient jdbc, ClinicId registered, UUID id) {
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM clinic WHERE id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single()
                > 0;
        if (!exists) {
            var row = jdbc.sql("SELECT * FROM clinic WHERE id = :id")
                    .param("id", registered.value())
                    .query()
                    .singleRow();
            var columns = List.copyOf(row.keySet());
            var sql = "INSERT INTO clinic (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", columns.stream().map(c -> ":" + c).toList()) + ")";
            var insert = jdbc.sql(sql);
            for (String column : columns) {
                insert = insert.param(column, column.equalsIgnoreCase("id") ? id : row.get(column));
            }
            insert.update();
        }
        return new ClinicId(id);
    }
}
