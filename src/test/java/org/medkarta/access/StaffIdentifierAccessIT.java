package org.medkarta.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medkarta.testing.Identifiers;
import org.medkarta.testing.Outbox;
import org.medkarta.testing.Phones;

/**
 * Staff see a patient's identifiers outside the record only within a care relationship of their
 * clinic, and only its registry changes policies (SPEC F4, C6; issue 12, finding 1). Everything else
 * answers 404, which never tells whether the person exists.
 */
class StaffIdentifierAccessIT extends AccessSupport {

    /** A patient who registered themself, with an OMS policy of their own; its id. */
    private String ownPolicy(Person patient) {
        var added = postAs(
                patient.token(),
                "/api/v1/patients/" + patient.id() + "/policies",
                map("kind", "OMS", "number", Identifiers.oms(), "insurer", "СОГАЗ-Мед"));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        return body(added).get("id").asString();
    }

    private HttpResponse<String> delete(String token, String path) {
        return send(request(path)
                .header("Authorization", "Bearer " + token)
                .DELETE()
                .build());
    }

    private String search(String phone) {
        return "/api/v1/patient-records?query=" + phone.replace("+", "%2B");
    }

    @Test
    void aDoctorWithoutACareRelationshipGets404OnTheCardThePoliciesAndRemovingAPolicy() {
        var patient = patient("Безсвязнов", "Аркадий");
        String policy = ownPolicy(patient);
        var doctor = doctor(clinic());

        for (var response : List.of(
                getAs(doctor.token(), "/api/v1/patient-records/" + patient.id()),
                getAs(doctor.token(), "/api/v1/patients/" + patient.id() + "/policies"),
                postAs(
                        doctor.token(),
                        "/api/v1/patients/" + patient.id() + "/policies",
                        map("kind", "DMS", "number", "ДМС-77/" + Phones.unique().substring(5))),
                delete(doctor.token(), "/api/v1/policies/" + policy))) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
            assertThat(problem(response)).isEqualTo("not-found");
            assertThat(response.body()).doesNotContain("Безсвязнов", "Аркадий", patient.phone());
        }
        // The policy is still there, and each refusal is in the audit trail.
        var own = getAs(patient.token(), "/api/v1/patients/" + patient.id() + "/policies");
        assertThat(body(own).findValuesAsString("id")).containsExactly(policy);
        assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM audit_event
                        WHERE patient_id = :patient AND actor_id = :actor AND outcome = 'NOT_FOUND'
                        """)
                        .param("patient", patient.patient().value())
                        .param("actor", doctor.user().userId().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
    }

    @Test
    void aSearchShowsOnlyInitialsAndTheBirthYearUntilTheStaffsClinicCaresForThePatient() {
        var patient = patient("Поисков", "Фёдор");
        ownPolicy(patient);
        var clinic = clinic();
        var doctor = doctor(clinic);
        openSchedule(doctor, clinic);

        var found = getAs(doctor.token(), search(patient.phone()));
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        var card = body(found).get(0);
        assertThat(card.get("patientId").asString()).isEqualTo(patient.id());
        assertThat(card.get("lastName").asString()).isEqualTo("П.");
        assertThat(card.get("firstName").asString()).isEqualTo("Ф.");
        assertThat(card.get("birthYear").asInt()).isEqualTo(1980);
        assertThat(card.get("limited").asBoolean()).isTrue();
        assertThat(card.get("birthDate").isNull()).isTrue();
        assertThat(card.get("phone").isNull()).isTrue();
        assertThat(card.get("userId").isNull()).isTrue();
        assertThat(card.get("policies")).isEmpty();
        assertThat(found.body()).doesNotContain("Поисков", "Фёдор", "1980-01-02", "СОГАЗ");
        var forBooking = getAs(
                doctor.token(),
                "/api/v1/booking/patients?query=" + patient.phone().replace("+", "%2B"));
        assertThat(forBooking.statusCode()).as(forBooking.body()).isEqualTo(200);
        assertThat(forBooking.body()).contains(patient.id()).doesNotContain("Поисков", "1980-01-02");

        // Booked with a doctor of the clinic, the patient is in its care: the whole card shows.
        var slots = getAs(
                doctor.token(), "/api/v1/slots?doctorId=" + doctor.view().id().value());
        String slot = body(slots).get(0).get("id").asString();
        var booked = postAs(
                doctor.token(),
                "/api/v1/appointments",
                map("slotId", slot, "patientId", patient.id(), "acceptClinicDocuments", true));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        var again = body(getAs(doctor.token(), search(patient.phone()))).get(0);
        assertThat(again.get("lastName").asString()).isEqualTo("Поисков");
        assertThat(again.get("limited").asBoolean()).isFalse();
        assertThat(again.get("policies")).hasSize(1);
        assertThat(getAs(doctor.token(), "/api/v1/patient-records/" + patient.id())
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void aRegistrarOfTheCaringClinicKeepsThePoliciesAndARegistrarOfAnotherClinicGets404() {
        var patient = patient("Направленцев", "Глеб");
        String policy = ownPolicy(patient);
        var caring = clinic();
        var doctor = doctor(caring);
        patientReferrals.issueReferral(
                patient.patient(),
                "therapist",
                doctor.view().id(),
                Instant.now().plus(Duration.ofDays(30)),
                null);
        var ours = registrar(caring);
        var theirs = registrar(clinic());

        assertThat(getAs(ours.token(), "/api/v1/patient-records/" + patient.id())
                        .statusCode())
                .isEqualTo(200);
        var added = postAs(
                ours.token(),
                "/api/v1/patients/" + patient.id() + "/policies",
                map("kind", "DMS", "number", "ДМС-" + Phones.unique().substring(5), "insurer", "Ингосстрах"));
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        // The caring clinic's doctor reads the identifiers but keeps no registry.
        assertThat(getAs(doctor.token(), "/api/v1/patients/" + patient.id() + "/policies")
                        .statusCode())
                .isEqualTo(200);
        assertThat(delete(doctor.token(), "/api/v1/policies/" + policy).statusCode())
                .isEqualTo(404);

        for (var response : List.of(
                getAs(theirs.token(), "/api/v1/patient-records/" + patient.id()),
                getAs(theirs.token(), "/api/v1/patients/" + patient.id() + "/policies"),
                postAs(
                        theirs.token(),
                        "/api/v1/patients/" + patient.id() + "/policies",
                        map("kind", "DMS", "number", "ДМС-" + Phones.unique().substring(5))),
                delete(theirs.token(), "/api/v1/policies/" + policy))) {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
            assertThat(response.body()).doesNotContain("Направленцев");
        }
        assertThat(delete(ours.token(), "/api/v1/policies/" + policy).statusCode())
                .isEqualTo(204);
        assertThat(body(getAs(patient.token(), "/api/v1/patients/" + patient.id() + "/policies"))
                        .findValuesAsString("kind"))
                .containsExactly("DMS");
    }

    @Test
    void aRecordARegistrarCreatesIsInTheirClinicsCareAndNotInAnothers() {
        var ours = registrar(clinic());
        var theirs = registrar(clinic());
        String phone = Phones.unique();
        var created = postAs(
                ours.token(),
                "/api/v1/patient-records",
                map(
                        "lastName",
                        "Новенькая",
                        "firstName",
                        "Ольга",
                        "birthDate",
                        "1975-04-03",
                        "sex",
                        "FEMALE",
                        "phone",
                        phone,
                        "omsNumber",
                        Identifiers.oms()));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = body(created).get("patientId").asString();
        assertThat(getAs(ours.token(), "/api/v1/patient-records/" + id).statusCode())
                .isEqualTo(200);

        var seen = getAs(theirs.token(), search(phone));
        assertThat(seen.statusCode()).isEqualTo(200);
        assertThat(body(seen).get(0).get("lastName").asString()).isEqualTo("Н.");
        assertThat(body(seen).get(0).get("birthYear").asInt()).isEqualTo(1975);
        assertThat(seen.body()).doesNotContain("Новенькая", "1975-04-03");
        assertThat(getAs(theirs.token(), "/api/v1/patient-records/" + id).statusCode())
                .isEqualTo(404);
    }

    @Test
    void aClinicAdministratorInvitesARegistrarWhoSignsInLikeStaffAndBooksForAPatient() {
        var clinic = clinic();
        String admin = administrator(clinic);
        var doctor = doctor(clinic);
        openSchedule(doctor, clinic);
        String email = "registrar-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ru";
        var invitation = map("email", email, "lastName", "Записова", "firstName", "Инна");

        String elsewhere = administrator(clinic());
        assertThat(postAs(elsewhere, "/api/v1/clinics/" + clinic.value() + "/registrars", invitation)
                        .statusCode())
                .isEqualTo(404);
        var wrong = postAs(admin, "/api/v1/clinics/" + clinic.value() + "/registrars", map("email", "not-an-email"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(body(wrong).get("errors").findValuesAsString("field")).contains("email", "lastName", "firstName");
        var invited = postAs(admin, "/api/v1/clinics/" + clinic.value() + "/registrars", invitation);
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(204);

        String token = signIn(email);
        assertThat(body(getAs(token, "/api/v1/me")).get("roles").toString()).contains("REGISTRAR");

        var patient = patient("Записанный", "Тарас");
        var found =
                getAs(token, "/api/v1/booking/patients?query=" + patient.phone().replace("+", "%2B"));
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        assertThat(found.body()).contains(patient.id()).doesNotContain("Записанный");
        String slot = body(getAs(
                        token, "/api/v1/slots?doctorId=" + doctor.view().id().value()))
                .get(0)
                .get("id")
                .asString();
        var booked = postAs(
                token,
                "/api/v1/appointments",
                map("slotId", slot, "patientId", patient.id(), "acceptClinicDocuments", true));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        assertThat(getAs(token, "/api/v1/patient-records/" + patient.id()).body())
                .contains("Записанный");
        // A registrar books only into their own clinic's calendars.
        var otherClinic = clinic();
        var otherDoctor = doctor(otherClinic);
        openSchedule(otherDoctor, otherClinic);
        String otherSlot = body(getAs(
                        token,
                        "/api/v1/slots?doctorId=" + otherDoctor.view().id().value()))
                .get(0)
                .get("id")
                .asString();
        assertThat(postAs(
                                token,
                                "/api/v1/appointments",
                                map("slotId", otherSlot, "patientId", patient.id(), "acceptClinicDocuments", true))
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void aClinicAdministratorInvitesARegistrarFromTheClinicPage() {
        var clinic = clinic();
        String session = session(administrator(clinic));
        var page = get("/admin/clinics/" + clinic.value(), "Cookie", session, "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"registrar-form\"");
        String csrf = csrf(page.body());
        String email = "reg-page-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ru";
        var invited = send(request("/admin/clinics/" + clinic.value() + "/registrars")
                .header("Cookie", session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf + "&registrarEmail=" + email
                        + "&registrarLastName=%D0%A0%D0%B5%D0%B3&registrarFirstName=%D0%98%D1%80%D0%B0"))
                .build());
        assertThat(invited.statusCode()).as(invited.body()).isEqualTo(302);
        assertThat(invited.headers().firstValue("Location").orElseThrow()).contains("registrarInvited=");
        assertThat(Outbox.latestLink(outbox, email)).contains("/password/set?token=");
        var refused = send(request("/admin/clinics/" + clinic.value() + "/registrars")
                .header("Cookie", session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf + "&registrarEmail=nope"))
                .build());
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"registrarEmail\"").contains("is-invalid");
    }

    private static String csrf(String html) {
        var matcher = java.util.regex.Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"")
                .matcher(html);
        if (!matcher.find()) {
            matcher = java.util.regex.Pattern.compile("value=\"([^\"]+)\"\\s+name=\"_csrf\"")
                    .matcher(html);
            assertThat(matcher.find()).as("a CSRF field in the page").isTrue();
        }
        return matcher.group(1);
    }
}
