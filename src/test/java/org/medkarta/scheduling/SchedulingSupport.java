package org.medkarta.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.Fixtures.TestClinic;
import org.medkarta.scheduling.Fixtures.TestDoctor;
import org.medkarta.scheduling.Fixtures.TestPatient;
import org.medkarta.testing.ApiSupport;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.IdentityFacades;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Scheduling tests: clinics, doctors and services made through the clinic facade, people with real
 * accounts and API tokens, and the API spoken to over HTTP.
 */
abstract class SchedulingSupport extends ApiSupport {

    @Autowired
    protected ClinicFacades clinics;

    @Autowired
    protected IdentityFacades identity;

    @Autowired
    protected DoctorSchedules doctorSchedules;

    @Autowired
    protected SlotSearch slotSearch;

    @Autowired
    protected Booking booking;

    @Autowired
    protected PatientReferrals patientReferrals;

    @Autowired
    protected AppointmentReminders appointmentReminders;

    @Autowired
    protected JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    TestClinic clinic(String zone) {
        return fixtures().clinic(zone);
    }

    TestDoctor doctor(TestClinic clinic, String specialty, String visibility) {
        return fixtures().doctor(clinic, specialty, visibility);
    }

    TestPatient patient() {
        return fixtures().patient();
    }

    private Fixtures fixtures() {
        return new Fixtures(clinics, identity);
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
                patient.account(),
                patient.phone(),
                identity.tokens().tokensFor(user).accessToken());
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

    /** A GET whose answer is read as bytes (a PDF, a file), as {@code token}'s holder. */
    java.net.http.HttpResponse<byte[]> getBytes(String token, String path) {
        try {
            return java.net.http.HttpClient.newHttpClient()
                    .send(
                            request(path)
                                    .header("Authorization", "Bearer " + token)
                                    .GET()
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs the calls at once, each on its own thread, released together; their results in order. */
    static <T> List<T> all(List<Callable<T>> calls) throws Exception {
        var pool = Executors.newFixedThreadPool(calls.size());
        try {
            var ready = new CountDownLatch(1);
            var futures = new ArrayList<Future<T>>();
            for (var call : calls) {
                futures.add(pool.submit(() -> {
                    ready.await();
                    return call.call();
                }));
            }
            ready.countDown();
            var results = new ArrayList<T>();
            for (var future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
