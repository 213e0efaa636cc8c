package org.medkarta.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.medkarta.clinic.DoctorView;
import org.medkarta.identity.Registered;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.PatientReferrals;
import org.medkarta.scheduling.ScheduleTemplates;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.UserId;
import org.medkarta.testing.ApiSupport;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.Delegations;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Phones;
import org.medkarta.testing.TestCare;
import org.medkarta.testing.TestClinics;
import org.medkarta.testing.TestPatients;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Consultation tests: clinics, doctors (with telemedicine services and a schedule) and patients
 * made through the modules' facades, bookings over the API, and tokens issued at the moved clock.
 */
abstract class ConsultationSupport extends ApiSupport {

    static final SignedInUser PLATFORM = new SignedInUser(
            new UserId(new UUID(0, 98)), "Test", null, List.of(new RoleGrant(Role.PLATFORM_ADMIN, null)), "TEST");

    @Autowired
    protected ClinicFacades clinics;

    @Autowired
    protected IdentityFacades identity;

    @Autowired
    protected ConsultationRequests consultationRequests;

    @Autowired
    protected ColleagueQuestions colleagueQuestions;

    @Autowired
    protected ConsultationDesk consultationDesk;

    @Autowired
    protected ScheduleTemplates scheduleTemplates;

    @Autowired
    protected PatientReferrals patientReferrals;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    record TestClinic(ClinicId id, ZoneId zone) {}

    /** A doctor; {@link #token()} is issued at the clock's current time. */
    record TestDoctor(DoctorView view, SignedInUser user, List<String> services, IdentityFacades identity) {
        String id() {
            return view.id().value().toString();
        }

        String token() {
            return identity.tokens().tokensFor(user).accessToken();
        }
    }

    record TestPatient(Registered account, SignedInUser user, IdentityFacades identity, String phone) {
        String id() {
            return account.patientId().value().toString();
        }

        String token() {
            return identity.tokens().tokensFor(user).accessToken();
        }

        /** Their token and phone, for granting and revoking access as people do it. */
        Delegations.Holder holder() {
            return new Delegations.Holder(token(), phone);
        }
    }

    TestClinic clinic() {
        var clinic = TestClinics.register(clinics, "Клиника «Здоровье»");
        return new TestClinic(clinic.id(), ZoneId.of("Europe/Moscow"));
    }

    /** A doctor giving the services of the given kinds, all by video, with 30-minute slots 09:00–17:30 daily. */
    TestDoctor doctor(TestClinic clinic, String specialty, String... kinds) {
        var doctor = TestCare.invite(
                clinics,
                PLATFORM,
                clinic.id(),
                TestCare.NewDoctor.THERAPIST
                        .named("Врачев", "Иван", "Сергеевич")
                        .as(specialty, "REGION"));
        var services = new ArrayList<String>();
        for (String kind : kinds) {
            var service = TestCare.addService(
                    clinics,
                    PLATFORM,
                    doctor,
                    "Телеконсультация " + kind.toLowerCase(Locale.ROOT),
                    specialty,
                    kind,
                    100_000L,
                    "REGION");
            services.add(service.id().value().toString());
        }
        LocalDate today = LocalDate.now(clinic.zone());
        TestCare.openSchedule(
                scheduleTemplates,
                PLATFORM,
                doctor.id(),
                new TestCare.Hours("График", today.minusDays(1), today.plusDays(20), "09:00", "17:30"),
                services);
        return new TestDoctor(doctor, TestCare.signedIn(doctor), services, identity);
    }

    TestPatient patient(String lastName) {
        String phone = Phones.unique();
        var account = TestPatients.register(identity, lastName, "Пётр", "Ильич", phone, "1980-01-02");
        var user = new SignedInUser(
                account.userId(),
                lastName,
                account.patientId(),
                List.of(new RoleGrant(Role.PATIENT, null)),
                "SMS_CODE");
        return new TestPatient(account, user, identity, phone);
    }

    /** Free slots of a doctor for one service, as staff see them. */
    List<JsonNode> freeSlots(TestDoctor doctor, String service) {
        var found = getAs(doctor.token(), "/api/v1/slots?doctorId=" + doctor.id());
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        var list = new ArrayList<JsonNode>();
        body(found).forEach(slot -> {
            if (slot.get("serviceId").asString().equals(service)) {
                list.add(slot);
            }
        });
        return list;
    }

    /** Books the slot for the patient and waits for the consultation it opens. */
    JsonNode bookAndOpen(TestPatient patient, JsonNode slot, String complaint) {
        var booked = book(patient.token(), slot, null, complaint);
        return opened(patient.token(), booked.get("id").asString());
    }

    /**
     * Books the slot as {@code token}'s holder, for the patient {@code patientId} when someone books
     * for them (null: for themself), the clinic's documents accepted; the appointment.
     */
    JsonNode book(String token, JsonNode slot, String patientId, String complaint) {
        var body = map(
                "slotId",
                slot.get("id").asString(),
                "serviceId",
                slot.get("serviceId").asString(),
                "complaint",
                complaint,
                "acceptClinicDocuments",
                true);
        if (patientId != null) {
            body.put("patientId", patientId);
        }
        var booked = postAs(token, "/api/v1/appointments", body);
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        return body(booked);
    }

    /** Waits (the listener runs after the booking commits) for the consultation of an appointment. */
    JsonNode opened(String token, String appointment) {
        long until = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < until) {
            var desk = getAs(token, "/api/v1/consultations");
            assertThat(desk.statusCode()).as(desk.body()).isEqualTo(200);
            for (var c : body(desk)) {
                if (c.get("appointmentId").asString().equals(appointment)) {
                    return c;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no consultation opened for appointment " + appointment);
    }

    static Instant start(JsonNode consultation) {
        return Instant.parse(consultation.get("start").asString());
    }

    HttpResponse<String> postAs(String token, String path, Object body) {
        return post(path, body, "Authorization", "Bearer " + token);
    }

    HttpResponse<byte[]> getBytes(String token, String path) {
        try {
            return java.net.http.HttpClient.newHttpClient()
                    .send(
                            request(path)
                                    .header("Authorization", "Bearer " + token)
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    List<String> ids(HttpResponse<String> list) {
        var ids = new ArrayList<String>();
        body(list).forEach(c -> ids.add(c.get("id").asString()));
        return ids;
    }
}
