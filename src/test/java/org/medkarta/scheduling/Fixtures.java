package org.medkarta.scheduling;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.medkarta.clinic.DoctorView;
import org.medkarta.clinic.ServiceView;
import org.medkarta.identity.ClientInfo;
import org.medkarta.identity.Registered;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.UserId;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Phones;
import org.medkarta.testing.TestCare;
import org.medkarta.testing.TestClinics;
import org.medkarta.testing.TestPatients;

/** Clinics, doctors and patients for scheduling tests, made through the modules' facades. */
record Fixtures(ClinicFacades clinics, IdentityFacades identity) {

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
    TemplateView openMornings(ScheduleTemplates scheduleTemplates, TestClinic clinic, TestDoctor doctor, String name) {
        LocalDate today = LocalDate.now(clinic.zone());
        return TestCare.openSchedule(
                scheduleTemplates,
                PLATFORM,
                doctor.view().id(),
                new TestCare.Hours(name, today, today.plusDays(30), "09:00", "11:00"),
                List.of(doctor.service()));
    }

    TestClinic clinic(String zone) {
        var clinic = TestClinics.register(clinics, "Клиника", zone);
        return new TestClinic(clinic.id(), ZoneId.of(zone));
    }

    TestDoctor doctor(TestClinic clinic, String specialty, String visibility) {
        return doctor(clinic, specialty, visibility, "VIDEO");
    }

    /** A doctor giving one service in {@code format} (VIDEO, IN_PERSON, …). */
    TestDoctor doctor(TestClinic clinic, String specialty, String visibility, String format) {
        var doctor =
                TestCare.invite(clinics, PLATFORM, clinic.id(), TestCare.NewDoctor.THERAPIST.as(specialty, "REGION"));
        // Free: a paid service leads the booker on to paying (issue 20), which PaymentIT and
        // PaymentBrowserIT prove; these fixtures are about booking itself.
        TestCare.addService(clinics, PLATFORM, doctor, "Консультация", specialty, "PRIMARY", 0L, visibility, format);
        var user = new SignedInUser(
                doctor.userId(), "Doctor", null, List.of(new RoleGrant(Role.DOCTOR, clinic.id())), "PASSWORD");
        return new TestDoctor(
                doctor,
                identity.tokens().tokensFor(user).accessToken(),
                clinics.catalogue().servicesOf(doctor.id()));
    }

    TestPatient patient() {
        String phone = Phones.unique();
        var account = TestPatients.register(identity, "Пациентов", "Пётр", null, phone, "1980-01-02");
        var user = new SignedInUser(
                account.userId(),
                "Patient",
                account.patientId(),
                List.of(new RoleGrant(Role.PATIENT, null)),
                "SMS_CODE");
        return new TestPatient(account, phone, identity.tokens().tokensFor(user).accessToken());
    }
}
