package org.medkarta.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.AfterEach;
import org.medkarta.files.Samples;
import org.medkarta.identity.Registered;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.notification.DevOutbox;
import org.medkarta.scheduling.Booking;
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

/**
 * Results through FHIR, from data made as people make it: patients and doctors with tokens, a care
 * relationship by a real booking, entries filed, readings added and files uploaded over the REST API.
 */
abstract class FhirResultsSupport extends FhirSupport {

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
    ClinicFacades clinics;

    @Autowired
    ScheduleTemplates scheduleTemplates;

    @Autowired
    SlotSearch slotSearch;

    @Autowired
    Booking booking;

    @Autowired
    IdentityFacades identity;

    @Autowired
    DevOutbox outbox;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    Person patient() {
        String phone = Phones.unique();
        Registered account = TestPatients.register(identity, "Смирнова", "Анна", "Петровна", phone, "1980-05-20");
        var user = new SignedInUser(
                account.userId(),
                "Анна Смирнова",
                account.patientId(),
                List.of(new RoleGrant(Role.PATIENT, null)),
                "SMS_CODE");
        return new Person(user, identity.tokens().tokensFor(user).accessToken(), phone);
    }

    /** A doctor caring for the given patients: each books one of the doctor's slots. */
    Person doctor(Person... patients) {
        var doctor = TestCare.doctor(
                clinics, TestClinics.register(clinics, "Клиника результатов").id());
        if (patients.length > 0) {
            TestCare.openSchedule(scheduleTemplates, doctor.id());
            for (Person patient : patients) {
                TestCare.appointment(slotSearch, booking, patient.user(), doctor.id());
            }
        }
        var user = TestCare.signedIn(doctor);
        return new Person(user, identity.tokens().tokensFor(user).accessToken(), null);
    }

    record Chart(Person patient, Person doctor) {}

    /** A record with something of every type: filed by a doctor in care, added and uploaded by the patient. */
    Chart chart() {
        var patient = patient();
        var doctor = doctor(patient);
        file(
                doctor,
                patient,
                "EXAM_PROTOCOL",
                "date",
                "2021-03-02",
                "specialty",
                "Терапевт",
                "examination",
                "Осмотр",
                "conclusion",
                "Норма");
        file(
                doctor,
                patient,
                "HOSPITALISATION",
                "admitted",
                "2020-01-10",
                "discharged",
                "2020-01-20",
                "department",
                "Кардиология",
                "reason",
                "ИБС",
                "outcome",
                "Улучшение",
                "summary",
                "Эпикриз");
        file(
                doctor,
                patient,
                "DIAGNOSIS",
                "icd10",
                "I10",
                "name",
                "Эссенциальная гипертензия",
                "onset",
                "2020-01-01",
                "clinicalStatus",
                "ACTIVE");
        lab(doctor, patient, "2021-03-01", "HGB", "Гемоглобин", "150", "g/L", "130", "170");
        file(
                doctor,
                patient,
                "INSTRUMENTAL",
                "date",
                "2022-03-01",
                "modality",
                "ECG",
                "study",
                "ЭКГ покоя",
                "conclusion",
                "Ритм синусовый");
        file(
                doctor,
                patient,
                "PRESCRIPTION",
                "date",
                "2024-01-01",
                "medication",
                "Аспирин",
                "dose",
                "1 таб",
                "course",
                "5 дней");
        file(doctor, patient, "VACCINATION", "date", "2023-10-01", "vaccine", "Гриппол плюс", "series", "A-17");
        var now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        reading(patient, now.minus(Duration.ofHours(3)), "measure", "PULSE", "value", "72");
        upload(patient, Map.of("kind", "DOCUMENT", "title", "Выписка", "date", "2019-05-01"), "a.pdf", Samples.pdf());
        return new Chart(patient, doctor);
    }

    /** The owner grants {@code grantee} access to their record at a level, as people do it. */
    void grant(Person owner, Person grantee, String level) {
        Delegations.grant(this, outbox, owner.holder(), owner.patientId(), grantee.holder(), level);
    }

    /** Files an entry through the REST API as the doctor; its id. */
    String file(Person doctor, Person patient, String type, Object... fields) {
        var response = post(
                "/api/v1/patients/" + patient.id() + "/record/entries",
                map("type", type, "fields", map(fields)),
                "Authorization",
                "Bearer " + doctor.token());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return body(response).get("id").asString();
    }

    String lab(
            Person doctor,
            Person patient,
            String date,
            String code,
            String name,
            String value,
            String unit,
            String low,
            String high) {
        var fields = new ArrayList<Object>(
                List.of("date", date, "testCode", code, "testName", name, "value", value, "unit", unit));
        if (low != null) {
            fields.addAll(List.of("referenceLow", low));
        }
        if (high != null) {
            fields.addAll(List.of("referenceHigh", high));
        }
        return file(doctor, patient, "LAB_RESULT", fields.toArray());
    }

    /** Adds a diary reading through the REST API as the patient; its id. */
    String reading(Person patient, Instant at, Object... fields) {
        var all = new ArrayList<Object>(List.of(fields));
        all.addAll(List.of("measuredAt", at.toString()));
        var response = post(
                "/api/v1/patients/" + patient.id() + "/diary",
                map(all.toArray()),
                "Authorization",
                "Bearer " + patient.token());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return body(response).get("id").asString();
    }

    /** Uploads a file through the REST API as the patient; the upload's id. */
    String upload(Person patient, Map<String, String> fields, String name, byte[] content) {
        var response =
                multipart(patient.token(), "/api/v1/patients/" + patient.id() + "/documents", fields, name, content);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return body(response).get("id").asString();
    }

    /** A search as {@code token}'s holder that must answer 200 with a valid Bundle. */
    Bundle search(String token, String query) {
        var response = fhir(token, query.replace("|", "%7C"));
        assertThat(response.statusCode()).as(query + " " + response.body()).isEqualTo(200);
        assertValid(response.body());
        return bundle(response);
    }

    static List<String> ids(Bundle bundle) {
        return bundle.getEntry().stream()
                .map(entry -> entry.getResource().getIdElement().getIdPart())
                .toList();
    }

    /** A read as {@code token}'s holder that must answer 200 with a valid resource. */
    HttpResponse<String> read(String token, String path) {
        var response = fhir(token, path);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        assertValid(response.body());
        return response;
    }

    long lastAuditSeq() {
        return jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM audit_event")
                .query(Long.class)
                .single();
    }

    /** The audit entries about the patient's record after {@code seq}: role, action, outcome. */
    List<String> auditSince(long seq, Person patient) {
        return jdbc.sql("""
                        SELECT actor_role || ' ' || action || ' ' || outcome FROM audit_event
                        WHERE seq > :seq AND patient_id = :patient ORDER BY seq
                        """)
                .param("seq", seq)
                .param("patient", patient.patientId().value())
                .query(String.class)
                .list();
    }
}
