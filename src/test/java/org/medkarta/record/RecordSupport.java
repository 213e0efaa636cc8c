package org.medkarta.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.medkarta.access.RecordAccess;
import org.medkarta.identity.Registered;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.Booking;
import org.medkarta.scheduling.ScheduleTemplates;
import org.medkarta.scheduling.SlotSearch;
import org.medkarta.shared.PatientId;
import org.medkarta.testing.ApiSupport;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Phones;
import org.medkarta.testing.TestCare;
import org.medkarta.testing.TestClinics;
import org.medkarta.testing.TestPatients;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Record tests: real accounts with API tokens, doctors in a care relationship, the API over HTTP. */
abstract class RecordSupport extends ApiSupport {

    record Person(SignedInUser user, String token, String phone) {
        PatientId patientId() {
            return user.patientId();
        }

        String id() {
            return user.patientId().value().toString();
        }
    }

    @Autowired
    protected RecordAccess access;

    @Autowired
    protected ClinicFacades clinics;

    @Autowired
    protected ScheduleTemplates scheduleTemplates;

    @Autowired
    protected SlotSearch slotSearch;

    @Autowired
    protected Booking booking;

    @Autowired
    protected IdentityFacades identity;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    RecordFiling filing;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    Person patient(String birthDate) {
        String phone = Phones.unique();
        Registered account = TestPatients.register(identity, "Смирнова", "Анна", "Петровна", phone, birthDate);
        // The record opens on the registration's event after its commit (RecordFiling), or on first
        // use, as here: a test filing an entry at once must not race that listener on a busy machine.
        filing.open(account.patientId());
        var user = new SignedInUser(
                account.userId(),
                "Анна Смирнова",
                account.patientId(),
                List.of(new RoleGrant(Role.PATIENT, null)),
                "SMS_CODE");
        return new Person(user, identity.tokens().tokensFor(user).accessToken(), phone);
    }

    Person patient() {
        return patient("1980-05-20");
    }

    /**
     * A doctor of a clinic of their own with an account and a token, caring for the given patients:
     * each books one of the doctor's slots, a real care relationship the policy point finds itself.
     */
    Person doctor(Person... patients) {
        var doctor = TestCare.doctor(
                clinics, TestClinics.register(clinics, "Клиника записи").id());
        if (patients.length > 0) {
            TestCare.openSchedule(scheduleTemplates, doctor.id());
            for (Person patient : patients) {
                TestCare.appointment(slotSearch, booking, patient.user(), doctor.id());
            }
        }
        var user = TestCare.signedIn(doctor);
        return new Person(user, identity.tokens().tokensFor(user).accessToken(), null);
    }

    /** A registrar of the doctor's clinic, with a token: the registry changes SNILS and policies (issue 12). */
    Person registrar(Person doctor) {
        var clinic = doctor.user().roles().stream()
                .map(RoleGrant::clinic)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElseThrow();
        var user = org.medkarta.testing.TestStaff.registrar(identity, clinic);
        return new Person(user, identity.tokens().tokensFor(user).accessToken(), null);
    }

    HttpResponse<String> postAs(String token, String path, Object body) {
        return post(path, body, "Authorization", "Bearer " + token);
    }

    /** Files an entry through the API as the doctor; returns its id. */
    String file(Person doctor, Person patient, String type, Object... fields) {
        var response = postAs(
                doctor.token(),
                "/api/v1/patients/" + patient.id() + "/record/entries",
                map("type", type, "fields", map(fields)));
        if (response.statusCode() != 201) {
            throw new AssertionError(response.statusCode() + " " + response.body());
        }
        return body(response).get("id").asString();
    }

    static String date(int year, int month, int day) {
        return LocalDate.of(year, month, day).toString();
    }

    HttpRequest.Builder authorised(String token, String path) {
        return request(path).header("Authorization", "Bearer " + token).header("Accept", "application/json");
    }

    /** The titles of the record's entries, in the order the record lists them. */
    List<String> titles(JsonNode record) {
        var titles = new ArrayList<String>();
        record.get("entries").forEach(entry -> titles.add(entry.get("title").asString()));
        return titles;
    }

    /** The patient's record as {@code reader} reads it, with a query string ("" for none). */
    JsonNode record(Person reader, Person patient, String query) {
        var response = getAs(reader.token(), "/api/v1/patients/" + patient.id() + "/record" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return body(response);
    }

    /** The fields of a laboratory result, with any more field-value pairs (a reference range) after them. */
    static Object[] lab(String date, String code, String name, String value, String unit, Object... more) {
        var fields = new ArrayList<Object>(
                List.of("date", date, "testCode", code, "testName", name, "value", value, "unit", unit));
        fields.addAll(List.of(more));
        return fields.toArray();
    }
}
