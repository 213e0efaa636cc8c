package org.medkarta.scheduling;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.medkarta.clinic.ClinicDirectory;
import org.medkarta.clinic.DoctorForm;
import org.medkarta.clinic.DoctorView;
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
import org.medkarta.testing.Phones;
import org.medkarta.testing.TestClinics;

/** Clinics, doctors and patients for scheduling tests, made through the modules' facades. */
record Fixtures(ClinicDirectory clinics, Identity identity) {

    static final SignedInUser PLATFORM = new SignedInUser(
            new UserId(new UUID(0, 99)), "Test", null, List.of(new RoleGrant(Role.PLATFORM_ADMIN, null)), "TEST");
    static final ClientInfo CLIENT = new ClientInfo("127.0.0.1", "test");

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

    /** Opens the doctor's schedule every day for 30 days from today: 09:00-11:00, 30-minute slots. */
    TemplateView openMornings(Scheduling scheduling, TestClinic clinic, TestDoctor doctor, String name) {
        LocalDate today = LocalDate.now(clinic.zone());
        var template = scheduling.createTemplate(
                PLATFORM,
                doctor.view().id(),
                new TemplateForm(
                        name,
                        today.toString(),
                        today.plusDays(30).toString(),
                        List.of("1", "2", "3", "4", "5", "6", "7"),
                        "09:00",
                        "11:00",
                        30,
                        List.of(),
                        List.of(doctor.service())));
        scheduling.activate(PLATFORM, template.id());
        return template;
    }

    TestClinic clinic(String zone) {
        var clinic = TestClinics.register(clinics, "Клиника", zone);
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
}
