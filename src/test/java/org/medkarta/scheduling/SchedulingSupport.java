package org.medkarta.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.medkarta.clinic.ClinicDirectory;
import org.medkarta.clinic.ClinicForm;
import org.medkarta.clinic.DoctorForm;
import org.medkarta.clinic.DoctorView;
import org.medkarta.clinic.DocumentKind;
import org.medkarta.clinic.ServiceForm;
import org.medkarta.clinic.ServiceView;
import org.medkarta.identity.ClientInfo;
import org.medkarta.identity.Identity;
import org.medkarta.identity.PatientRegistration;
import org.medkarta.identity.Registered;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.UserId;
import org.medkarta.testing.ApiSupport;
import org.medkarta.testing.Phones;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scheduling tests: clinics, doctors and services made through the clinic facade, people with real
 * accounts and API tokens, and the API spoken to over HTTP.
 */
abstract class SchedulingSupport extends ApiSupport {

    static final SignedInUser PLATFORM = new SignedInUser(
            new UserId(new UUID(0, 99)), "Test", null, List.of(new RoleGrant(Role.PLATFORM_ADMIN, null)), "TEST");
    static final ClientInfo CLIENT = new ClientInfo("127.0.0.1", "test");

    @Autowired
    protected ClinicDirectory clinics;

    @Autowired
    protected Identity identity;

    @Autowired
    protected Scheduling scheduling;

    @Autowired
    protected JdbcClient jdbc;

    /** A clinic with its offer and consent published, in the given time zone. */
    record TestClinic(ClinicId id, ZoneId zone) {}

    /** A doctor with a token and the services they give. */
    record TestDoctor(DoctorView view, String token, List<ServiceView> services) {
        String id() {
            return view.id().value().toString();
        }

        String service() {
            return services.get(0).id().value().toString();
        }
    }

    /** A patient with a token. */
    record TestPatient(Registered account, String phone, String token) {
        String id() {
            return account.patientId().value().toString();
        }
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    TestClinic clinic(String zone) {
        var clinic = clinics.register(
                PLATFORM,
                new ClinicForm(
                        "Клиника " + UUID.randomUUID().toString().substring(0, 6),
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
        return new TestClinic(clinic.id(), ZoneId.of(zone));
    }

    TestDoctor doctor(TestClinic clinic, String specialty, String visibility) {
        var doctor = clinics.inviteDoctor(
                PLATFORM,
                clinic.id(),
                new DoctorForm(
                        "doc-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ru",
                        "Врачев",
                        "Иван",
                        null,
                        List.of(specialty),
                        null,
                        null,
                        null,
                        null,
                        "REGION",
                        true),
                "http://localhost",
                Locale.ENGLISH);
        clinics.addService(
                PLATFORM,
                clinic.id(),
                new ServiceForm(
                        "Консультация",
                        specialty,
                        "VIDEO",
                        "PRIMARY",
                        30,
                        100_000L,
                        List.of(doctor.id().value().toString()),
                        visibility,
                        true));
        var user = new SignedInUser(
                doctor.userId(), "Doctor", null, List.of(new RoleGrant(Role.DOCTOR, clinic.id())), "PASSWORD");
        return new TestDoctor(doctor, identity.tokensFor(user).accessToken(), clinics.servicesOf(doctor.id()));
    }

    TestPatient patient() {
        String phone = Phones.unique();
        var account = identity.register(
                new PatientRegistration(
                        "Пациентов",
                        "Пётр",
                        null,
                        phone,
                        "1980-01-02",
                        "p-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ru",
                        identity.termsVersion()),
                CLIENT,
                "http://localhost",
                Locale.ENGLISH);
        var user = new SignedInUser(
                account.userId(),
                "Patient",
                account.patientId(),
                List.of(new RoleGrant(Role.PATIENT, null)),
                "SMS_CODE");
        return new TestPatient(account, phone, identity.tokensFor(user).accessToken());
    }

    /** The patient with a token issued now, after the clock moved past the old one's life. */
    TestPatient signedInAgain(TestPatient patient) {
        var user = new SignedInUser(
                patient.account().userId(),
                "Patient",
                patient.account().patientId(),
                List.of(new RoleGrant(Role.PATIENT, null)),
                "SMS_CODE");
        return new TestPatient(
                patient.account(), patient.phone(), identity.tokensFor(user).accessToken());
    }

    /** A template body: every day of the week, the given hours, 30-minute slots, from today for a month. */
    static java.util.Map<String, Object> template(
            String name, TestClinic clinic, TestDoctor doctor, String first, String last) {
        LocalDate today = LocalDate.now(clinic.zone());
        return map(
                "name",
                name,
                "validFrom",
                today.minusDays(1).toString(),
                "validTo",
                today.plusDays(40).toString(),
                "weekdays",
                List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"),
                "firstStart",
                first,
                "lastStart",
                last,
                "slotMinutes",
                30,
                "serviceIds",
                List.of(doctor.service()));
    }

    /** Creates and activates a template; returns its id. */
    String activeTemplate(TestClinic clinic, TestDoctor doctor, String first, String last) {
        var created = postAs(
                doctor.token(),
                "/api/v1/doctors/" + doctor.id() + "/schedule-templates",
                template("График " + first, clinic, doctor, first, last));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = body(created).get("id").asString();
        var activated = postAs(doctor.token(), "/api/v1/schedule-templates/" + id + "/activate", map());
        assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
        return id;
    }

    /** The free slots of a doctor, as a patient sees them. */
    List<tools.jackson.databind.JsonNode> freeSlots(String token, TestDoctor doctor) {
        var found = getAs(token, "/api/v1/slots?doctorId=" + doctor.id());
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        var list = new java.util.ArrayList<tools.jackson.databind.JsonNode>();
        body(found).forEach(list::add);
        return list;
    }

    HttpResponse<String> book(TestPatient patient, String slot, boolean accept) {
        return postAs(patient.token(), "/api/v1/appointments", map("slotId", slot, "acceptClinicDocuments", accept));
    }

    HttpResponse<String> postAs(String token, String path, Object body) {
        return post(path, body, "Authorization", "Bearer " + token);
    }

    HttpResponse<String> putAs(String token, String path, Object body) {
        return send(request(path)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build());
    }
}
