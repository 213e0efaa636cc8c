package org.medkarta.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.medkarta.clinic.ClinicView;
import org.medkarta.clinic.DoctorView;
import org.medkarta.notification.DevOutbox;
import org.medkarta.shared.ClinicId;
import org.medkarta.testing.ApiSupport;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Outbox;
import org.medkarta.testing.Phones;
import org.medkarta.testing.TestCare;
import org.medkarta.testing.TestClinics;
import org.medkarta.testing.TestPatients;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the identity facades' API tests share: patients who register and sign in by SMS code, staff who
 * sign in by password, and clinics, doctors and patients with tokens. Fields and helpers only; the
 * Spring context is {@link ApiSupport}'s.
 */
abstract class IdentityApiSupport extends ApiSupport {

    static final String PASSWORD = "Kardio-2026";

    @Autowired
    IdentityFacades identity;

    @Autowired
    DevOutbox outbox;

    @Autowired
    ClinicFacades clinics;

    /** A doctor of a clinic, with a token. */
    record Doctor(DoctorView view, String token) {}

    /** A registered patient, with a token. */
    record Patient(Registered account, String phone, String token) {
        String id() {
            return account.patientId().value().toString();
        }
    }

    /** Registers a patient through the API; their phone. */
    String register() {
        String phone = Phones.unique();
        var created = post(
                "/api/v1/patients/register",
                map(
                        "lastName", "Тестова",
                        "firstName", "Анна",
                        "patronymic", "Петровна",
                        "phone", phone,
                        "birthDate", "1985-04-12",
                        "email", "anna-" + UUID.randomUUID() + "@example.ru",
                        "termsVersion", identity.registration().termsVersion()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return phone;
    }

    /** Signs in with the code texted to the phone; the answer carrying the tokens. */
    HttpResponse<String> signIn(String phone) {
        post("/api/v1/auth/otp", Map.of("phone", phone));
        return post("/api/v1/auth/otp/verify", Map.of("phone", phone, "code", Outbox.latestCode(outbox, phone)));
    }

    /** A doctor invited to some clinic who set {@link #PASSWORD} through the e-mailed link; their e-mail. */
    String invitedStaff() {
        String email = "staff-" + UUID.randomUUID() + "@clinic.example";
        identity.staff()
                .invite(
                        email,
                        "Кузнецов",
                        "Игорь",
                        null,
                        Role.DOCTOR,
                        new ClinicId(UUID.randomUUID()),
                        "http://localhost",
                        Locale.forLanguageTag("ru"));
        identity.staff().setPassword(token(Outbox.latestLink(outbox, email)), PASSWORD);
        return email;
    }

    HttpResponse<String> login(String email, String password) {
        return post("/api/v1/auth/login", Map.of("email", email, "password", password));
    }

    /** The token of an e-mailed password link. */
    static String token(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    ClinicView clinic() {
        return TestClinics.register(clinics, "Клиника");
    }

    Doctor doctor(ClinicView clinic) {
        var doctor = TestCare.doctor(clinics, clinic.id());
        return new Doctor(doctor, TestCare.token(identity, doctor));
    }

    Patient patient() {
        String phone = Phones.unique();
        var account = TestPatients.register(identity, "Пациентов", "Пётр", null, phone, "1980-01-02");
        return new Patient(account, phone, TestPatients.tokenOf(identity, account, "Пётр"));
    }

    HttpResponse<String> postAs(String token, String path, Object body) {
        return post(path, body, "Authorization", "Bearer " + token);
    }
}
