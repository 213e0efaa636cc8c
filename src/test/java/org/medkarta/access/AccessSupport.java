package org.medkarta.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.medkarta.clinic.DoctorView;
import org.medkarta.clinic.StaffInvitation;
import org.medkarta.identity.ClientInfo;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.notification.DevOutbox;
import org.medkarta.scheduling.AppointmentReminders;
import org.medkarta.scheduling.PatientReferrals;
import org.medkarta.scheduling.ScheduleTemplates;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;
import org.medkarta.testing.ApiSupport;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.Delegations;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Outbox;
import org.medkarta.testing.Phones;
import org.medkarta.testing.TestCare;
import org.medkarta.testing.TestClinics;
import org.medkarta.testing.TestPatients;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Access tests: people with real accounts and API tokens, clinics and doctors made through the
 * facades, grants made through the API as a person makes them, and the audit trail counted.
 */
abstract class AccessSupport extends ApiSupport {

    static final SignedInUser PLATFORM = new SignedInUser(
            new UserId(new UUID(0, 98)), "Test", null, List.of(new RoleGrant(Role.PLATFORM_ADMIN, null)), "TEST");
    static final ClientInfo CLIENT = new ClientInfo("127.0.0.1", "test");

    @Autowired
    protected ClinicFacades clinics;

    @Autowired
    protected IdentityFacades identity;

    @Autowired
    protected ScheduleTemplates scheduleTemplates;

    @Autowired
    protected PatientReferrals patientReferrals;

    @Autowired
    protected AppointmentReminders appointmentReminders;

    @Autowired
    protected RecordAccess access;

    @Autowired
    protected DevOutbox outbox;

    @Autowired
    protected JdbcClient jdbc;

    @org.junit.jupiter.api.BeforeEach
    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** Someone signed in, with an API token. */
    record Person(SignedInUser user, String phone, String token) {
        PatientId patient() {
            return user.patientId();
        }

        String id() {
            return user.patientId().value().toString();
        }

        /** Their token and phone, for granting and revoking access as people do it. */
        Delegations.Holder holder() {
            return new Delegations.Holder(token, phone);
        }
    }

    Person patient() {
        return patient("Доступов", "Пётр");
    }

    /** Someone signed in with this name on their record, with an API token. */
    Person patient(String lastName, String firstName) {
        return patient(lastName, firstName, Phones.unique());
    }

    /** Someone who registered with this name and phone, with an API token. */
    Person patient(String lastName, String firstName, String phone) {
        var account = TestPatients.register(identity, lastName, firstName, null, phone, "1980-01-02");
        var user = new SignedInUser(
                account.userId(),
                firstName,
                account.patientId(),
                List.of(new RoleGrant(Role.PATIENT, null)),
                "SMS_CODE");
        return new Person(user, phone, identity.tokens().tokensFor(user).accessToken());
    }

    /** A person with a fresh token, after the clock moved past the old one's life. */
    Person again(Person person) {
        return new Person(
                person.user(),
                person.phone(),
                identity.tokens().tokensFor(person.user()).accessToken());
    }

    /** The parent registers a child born on {@code born} with a birth certificate; the child's record. */
    PatientId child(Person parent, LocalDate born) {
        return child(parent, born, "Доступов", "Миша");
    }

    /** The parent registers a child with this name, born on {@code born}; the child's record. */
    PatientId child(Person parent, LocalDate born, String lastName, String firstName) {
        return Delegations.child(this, parent.holder(), lastName, firstName, born);
    }

    ClinicId clinic() {
        var clinic = TestClinics.register(clinics, "Клиника");
        return clinic.id();
    }

    /** A doctor of the clinic giving a therapist's video consultation visible to the whole region. */
    Doctor doctor(ClinicId clinic) {
        var doctor = TestCare.doctor(clinics, clinic);
        var user = TestCare.signedIn(doctor);
        return new Doctor(doctor, user, identity.tokens().tokensFor(user).accessToken());
    }

    record Doctor(DoctorView view, SignedInUser user, String token) {}

    /** An administrator of the clinic, with a token. */
    Person clinicAdministrator(ClinicId clinic) {
        var id = identity.staff()
                .invite(
                        "adm-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ru",
                        "Админов",
                        "Олег",
                        null,
                        Role.CLINIC_ADMIN,
                        clinic,
                        "http://localhost",
                        Locale.ENGLISH);
        var user = new SignedInUser(id, "Админ", null, List.of(new RoleGrant(Role.CLINIC_ADMIN, clinic)), "PASSWORD");
        return new Person(user, null, identity.tokens().tokensFor(user).accessToken());
    }

    /** A registrar of the clinic, invited as the clinic's administrator invites one, with a token. */
    Person registrar(ClinicId clinic) {
        var user = org.medkarta.testing.TestStaff.registrar(identity, clinic);
        return new Person(user, null, identity.tokens().tokensFor(user).accessToken());
    }

    /** A paramedic of one of the clinic's rural posts (issue 23), with their token. */
    Person paramedic(ClinicId clinic) {
        var user = org.medkarta.testing.TestStaff.paramedic(identity, clinic);
        return new Person(user, null, identity.tokens().tokensFor(user).accessToken());
    }

    /**
     * An administrator of the clinic, invited as the platform invites one, who set a password through
     * the e-mailed link and signed in; their access token.
     */
    String administrator(ClinicId clinic) {
        String email = "adm-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ru";
        clinics.setUp()
                .inviteAdministrator(
                        PLATFORM,
                        clinic,
                        new StaffInvitation(email, "Админова", "Алла", null),
                        "http://localhost",
                        Locale.ENGLISH);
        return signIn(email);
    }

    /** Sets the invited person's password through the e-mailed link and signs in; the access token. */
    String signIn(String email) {
        String link = Outbox.latestLink(outbox, email);
        identity.staff().setPassword(link.substring(link.indexOf("token=") + 6), "Registr-2026");
        var signedIn = post("/api/v1/auth/login", map("email", email, "password", "Registr-2026"));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        return body(signedIn).get("accessToken").asString();
    }

    /** A browser session for the token's holder: the cookie to send with page requests. */
    String session(String token) {
        var signedIn = get("/test/token-sign-in?token=" + token + "&continue=/");
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        return signedIn.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.split(";", 2)[0])
                .filter(cookie -> !cookie.startsWith("medkarta-lang"))
                .findFirst()
                .orElseThrow();
    }

    /** Opens the doctor's schedule: slots every 30 minutes, 08:00 to 19:30, for the coming days. */
    void openSchedule(Doctor doctor, ClinicId clinic) {
        TestCare.openSchedule(scheduleTemplates, doctor.view().id());
    }

    /** The owner grants the grantee access at a level, as people do it (see {@link Delegations#grant}). */
    UUID grant(Person owner, PatientId record, Person grantee, String level) {
        return Delegations.grant(this, outbox, owner.holder(), record, grantee.holder(), level);
    }

    /** Revokes a grant with the code, as the owner does it. */
    void revoke(Person owner, UUID grant) {
        Delegations.revoke(this, outbox, owner.holder(), grant);
    }

    HttpResponse<String> postAs(String token, String path, Object body) {
        return token == null ? post(path, body) : post(path, body, "Authorization", "Bearer " + token);
    }

    HttpResponse<String> getWith(String token, String path) {
        return token == null ? get(path, "Accept", "application/json") : getAs(token, path);
    }

    /** Uploads a PNG document to a record as {@code token}'s holder; the upload's id. */
    String uploadDocument(String token, PatientId record) {
        return upload(token, record, java.util.Map.of("kind", "DOCUMENT", "title", "Выписка"));
    }

    /** Uploads a PNG with these fields to a record as {@code token}'s holder; the upload's id. */
    String upload(String token, PatientId record, java.util.Map<String, String> fields) {
        var response = multipart(
                token,
                "/api/v1/patients/" + record.value() + "/documents",
                fields,
                "scan.png",
                org.medkarta.files.Samples.png());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return body(response).get("id").asString();
    }

    /** The newest audit entry's number, to count what a request adds after it. */
    long lastAuditSeq() {
        return jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM audit_event")
                .query(Long.class)
                .single();
    }

    /** Decisions about the patient's record recorded after {@code seq}. */
    List<String> decisionsSince(long seq, PatientId patient) {
        return jdbc.sql("""
                        SELECT actor_role || ' ' || action || ' ' || outcome FROM audit_event
                        WHERE seq > :seq AND patient_id = :patient
                          AND (action LIKE 'RECORD_%' OR action = 'EMERGENCY_OPEN')
                        ORDER BY seq
                        """)
                .param("seq", seq)
                .param("patient", patient.value())
                .query(String.class)
                .list();
    }

    /**
     * Anonymous attempts recorded after {@code seq}: about the patient, or about no patient when the
     * request named them only in its body (a booking), which an anonymous attempt never gets to read.
     */
    List<String> anonymousAttemptsSince(long seq, PatientId patient) {
        return jdbc.sql("""
                        SELECT actor_role || ' ' || action || ' ' || outcome FROM audit_event
                        WHERE seq > :seq AND actor_id IS NULL AND actor_role = 'ANONYMOUS'
                          AND outcome = 'UNAUTHENTICATED' AND address IS NOT NULL
                          AND (patient_id = :patient OR (patient_id IS NULL AND resource = 'POST /api/v1/appointments'))
                        ORDER BY seq
                        """)
                .param("seq", seq)
                .param("patient", patient.value())
                .query(String.class)
                .list();
    }

    /** A file part of a multipart request: the part's name, the file's name as sent, its bytes. */
    record FilePart(String name, String fileName, byte[] content) {}

    /** A multipart POST with text fields and file parts, as {@code token}'s holder (null: anonymously). */
    HttpResponse<String> multipartFiles(
            String token, String path, java.util.Map<String, String> fields, List<FilePart> files) {
        String boundary = "----medkarta" + UUID.randomUUID();
        var out = new java.io.ByteArrayOutputStream();
        var utf8 = java.nio.charset.StandardCharsets.UTF_8;
        fields.forEach((name, value) -> out.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(utf8)));
        for (FilePart file : files) {
            out.writeBytes(
                    ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.name() + "\"; filename=\""
                                    + file.fileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                            .getBytes(utf8));
            out.writeBytes(file.content());
            out.writeBytes("\r\n".getBytes(utf8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(utf8));
        var builder = request(path)
                .header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return send(builder.build());
    }

    /** Who a clinic's record says the person is, as staff typed it and a request repeats it. */
    record Papers(String lastName, String firstName, String patronymic, String birthDate, String snils, String oms) {
        static Papers adult(String lastName, String firstName, String patronymic) {
            return new Papers(
                    lastName,
                    firstName,
                    patronymic,
                    "1980-01-02",
                    org.medkarta.testing.Identifiers.snils(),
                    org.medkarta.testing.Identifiers.oms());
        }

        /** The request's fields for these papers, to {@code clinic} (null: to every clinic keeping a record). */
        java.util.Map<String, String> request(ClinicId clinic) {
            var fields = new java.util.LinkedHashMap<String, String>();
            if (clinic != null) {
                fields.put("clinicId", clinic.value().toString());
            }
            fields.put("lastName", lastName);
            fields.put("firstName", firstName);
            if (patronymic != null) {
                fields.put("patronymic", patronymic);
            }
            fields.put("birthDate", birthDate);
            fields.put("documentType", "RF_PASSPORT");
            fields.put("documentSeries", "45 06");
            fields.put("documentNumber", "123456");
            fields.put("documentIssuedOn", "2005-03-04");
            fields.put("documentIssuer", "ОВД района Арбат г. Москвы");
            fields.put("omsNumber", oms);
            fields.put("snils", snils);
            return fields;
        }
    }

    /**
     * The record a clinic's registrar creates for a patient who has none (SPEC C6), with the phone
     * typed as its contact phone; the record's id.
     */
    PatientId keptRecord(String registrarToken, Papers papers, String phone) {
        var created = postAs(
                registrarToken,
                "/api/v1/patient-records",
                map(
                        "lastName", papers.lastName(),
                        "firstName", papers.firstName(),
                        "patronymic", papers.patronymic(),
                        "birthDate", papers.birthDate(),
                        "sex", "FEMALE",
                        "phone", phone,
                        "snils", papers.snils(),
                        "omsNumber", papers.oms()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return new PatientId(UUID.fromString(body(created).get("patientId").asString()));
    }

    /** Files a record-access request with a passport scan (PNG) as {@code token}'s holder. */
    HttpResponse<String> fileRequest(String token, java.util.Map<String, String> fields) {
        return multipartFiles(
                token,
                "/api/v1/record-access-requests",
                fields,
                List.of(new FilePart("documentScan", "passport.png", org.medkarta.files.Samples.png())));
    }
}
