package org.medkarta.fhir;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.medkarta.identity.Registered;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.notification.DevOutbox;
import org.medkarta.scheduling.Booking;
import org.medkarta.scheduling.PatientReferrals;
import org.medkarta.scheduling.ScheduleTemplates;
import org.medkarta.scheduling.SlotSearch;
import org.medkarta.shared.PatientId;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.Delegations;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Phones;
import org.medkarta.testing.TestCare;
import org.medkarta.testing.TestClinics;
import org.medkarta.testing.TestPatients;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** FHIR tests of the record: real patients with tokens, doctors in a real care relationship, grants. */
abstract class FhirRecordSupport extends FhirSupport {

    record Person(SignedInUser user, String token, String phone) {
        PatientId patientId() {
            return user.patientId();
        }

        String id() {
            return user.patientId().value().toString();
        }

        Delegations.Holder holder() {
            return new Delegations.Holder(token, phone);
        }
    }

    @Autowired
    protected ClinicFacades clinics;

    @Autowired
    protected ScheduleTemplates scheduleTemplates;

    @Autowired
    protected SlotSearch slotSearch;

    @Autowired
    protected PatientReferrals patientReferrals;

    @Autowired
    protected Booking booking;

    @Autowired
    protected IdentityFacades identity;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected DevOutbox outbox;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    Person patient(String lastName, String firstName, String birthDate) {
        String phone = Phones.unique();
        Registered account = TestPatients.register(identity, lastName, firstName, "Петровна", phone, birthDate);
        var user = new SignedInUser(
                account.userId(),
                firstName + " " + lastName,
                account.patientId(),
                List.of(new RoleGrant(Role.PATIENT, null)),
                "SMS_CODE");
        return new Person(user, identity.tokens().tokensFor(user).accessToken(), phone);
    }

    Person patient() {
        return patient("Смирнова", "Анна", "1980-05-20");
    }

    /** A doctor of a clinic of their own, caring for the given patients through a booked appointment each. */
    Person doctor(Person... patients) {
        var doctor = TestCare.doctor(
                clinics, TestClinics.register(clinics, "Клиника FHIR").id());
        if (patients.length > 0) {
            TestCare.openSchedule(scheduleTemplates, doctor.id());
            for (Person patient : patients) {
                TestCare.appointment(slotSearch, booking, patient.user(), doctor.id());
            }
        }
        var user = TestCare.signedIn(doctor);
        return new Person(user, identity.tokens().tokensFor(user).accessToken(), null);
    }

    /** The owner grants the grantee access to their record at a level, as people do it. */
    UUID grant(Person owner, Person grantee, String level) {
        return Delegations.grant(this, outbox, owner.holder(), owner.patientId(), grantee.holder(), level);
    }

    /**
     * The registry of the doctor's clinic records the patient's SNILS and OMS policy (null: not that
     * one), as only a registry may (issue 12).
     */
    void identifiers(Person doctor, Person patient, String snils, String oms) {
        var clinic = doctor.user().roles().stream()
                .map(org.medkarta.identity.RoleGrant::clinic)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElseThrow();
        var registrar = org.medkarta.testing.TestStaff.registrar(identity, clinic);
        String token = identity.tokens().tokensFor(registrar).accessToken();
        if (snils != null) {
            var set = putAs(token, "/api/v1/patient-records/" + patient.id() + "/snils", map("snils", snils));
            org.assertj.core.api.Assertions.assertThat(set.statusCode())
                    .as(set.body())
                    .isEqualTo(200);
        }
        if (oms != null) {
            var added = postAs(
                    token,
                    "/api/v1/patients/" + patient.id() + "/policies",
                    map("kind", "OMS", "number", oms, "insurer", "СОГАЗ-Мед", "validTo", "2030-12-31"));
            org.assertj.core.api.Assertions.assertThat(added.statusCode())
                    .as(added.body())
                    .isEqualTo(201);
        }
    }

    HttpResponse<String> postAs(String token, String path, Object body) {
        return post(path, body, "Authorization", "Bearer " + token);
    }

    /** Files an entry through the REST API as the doctor; returns its id. */
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

    /** The audit entries of a record, {@code action outcome} each, oldest first. */
    List<String> audit(Person patient) {
        return jdbc.sql("SELECT action || ' ' || outcome FROM audit_event WHERE patient_id = :p ORDER BY seq")
                .param("p", patient.patientId().value())
                .query(String.class)
                .list();
    }
}
