package org.medkarta.testing;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.medkarta.clinic.ClinicDirectory;
import org.medkarta.clinic.ClinicForm;
import org.medkarta.clinic.ClinicView;
import org.medkarta.clinic.DocumentKind;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.UserId;

/** Clinics for tests: registered by a platform administrator, with an offer and a consent published. */
public final class TestClinics {

    /** A platform administrator acting in tests. */
    public static final SignedInUser PLATFORM = new SignedInUser(
            new UserId(new UUID(0, 98)), "Test", null, List.of(new RoleGrant(Role.PLATFORM_ADMIN, null)), "TEST");

    private TestClinics() {}

    /** A new clinic, registered and with its documents published, in Moscow's time zone, named {@code name} and a random suffix. */
    public static ClinicView register(ClinicDirectory clinics, String name) {
        return register(clinics, name, "Europe/Moscow");
    }

    /** A new clinic, registered and with its documents published, in {@code zone}, named {@code name} and a random suffix. */
    public static ClinicView register(ClinicDirectory clinics, String name, String zone) {
        var clinic = clinics.register(
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
                        null),
                List.of(),
                "http://localhost",
                Locale.ENGLISH);
        clinics.publish(PLATFORM, clinic.id(), DocumentKind.OFFER, "# Оферта\n\nТекст.");
        clinics.publish(PLATFORM, clinic.id(), DocumentKind.CONSENT, "# Согласие\n\nТекст.");
        return clinic;
    }
}
