package org.medkarta.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medkarta.clinic.ClinicView;
import org.medkarta.scheduling.ScheduleTemplates;
import org.medkarta.testing.Phones;
import org.medkarta.testing.TestCare;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * {@link PatientRecords}: staff create a patient's record and find it by phone, SNILS or policy to
 * book for it (SPEC C6); policies are part of the patient's identity data.
 */
class PatientRecordsIT extends IdentityApiSupport {

    @Autowired
    ScheduleTemplates scheduleTemplates;

    private List<JsonNode> freeSlots(String token, Doctor doctor) {
        var found = getAs(token, "/api/v1/slots?doctorId=" + doctor.view().id().value());
        assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
        var list = new ArrayList<JsonNode>();
        body(found).forEach(list::add);
        return list;
    }

    private static java.util.Map<String, Object> record(String phone, String snils, String oms) {
        var body = new java.util.HashMap<String, Object>();
        body.put("lastName", "Новикова");
        body.put("firstName", "Анна");
        body.put("patronymic", "Сергеевна");
        body.put("birthDate", "1990-05-17");
        body.put("sex", "FEMALE");
        body.put("phone", phone);
        body.put("snils", snils);
        body.put("omsNumber", oms);
        body.put("omsInsurer", "СОГАЗ-Мед");
        body.put("omsValidTo", "2030-12-31");
        return body;
    }

    private static String snils() {
        return org.medkarta.testing.Identifiers.snils();
    }

    private static String oms() {
        return org.medkarta.testing.Identifiers.oms();
    }

    /** A registrar of the clinic's registry, with a token (issue 12). */
    private String registrar(ClinicView clinic) {
        var id = identity.staff()
                .invite(
                        "reg-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.ru",
                        "Регистраторова",
                        "Вера",
                        null,
                        org.medkarta.identity.Role.REGISTRAR,
                        clinic.id(),
                        "http://localhost",
                        java.util.Locale.ENGLISH);
        return identity.tokens()
                .tokensFor(new org.medkarta.identity.SignedInUser(
                        id,
                        "Вера",
                        null,
                        List.of(new org.medkarta.identity.RoleGrant(org.medkarta.identity.Role.REGISTRAR, clinic.id())),
                        "PASSWORD"))
                .accessToken();
    }

    @Test
    void staffCreateARecordFindItByPhoneSnilsOrPolicyAndBookForIt() {
        var clinic = clinic();
        var doctor = doctor(clinic);
        TestCare.openSchedule(scheduleTemplates, doctor.view().id());
        String phone = Phones.unique();
        String snils = snils();
        String oms = oms();

        var created = postAs(doctor.token(), "/api/v1/patient-records", record(phone, snils, oms));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var mother = body(created);
        // The phone staff type is a contact phone, never a way into the record (SPEC E0, issue 17).
        assertThat(mother.get("signsIn").asBoolean()).isFalse();
        assertThat(mother.get("phone").asString()).isEqualTo(phone);
        assertThat(mother.get("sex").asString()).isEqualTo("FEMALE");
        assertThat(mother.get("policies").get(0).get("number").asString()).isEqualTo(oms);

        // A child's record with the mother's phone: the phone now leads to two records.
        var child = record(phone, null, null);
        child.put("firstName", "Мария");
        child.put("birthDate", "2019-03-01");
        var second = postAs(doctor.token(), "/api/v1/patient-records", child);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        assertThat(body(second).get("signsIn").asBoolean()).isFalse();
        assertThat(body(second).get("phone").asString()).isEqualTo(phone);

        var byPhone = getAs(doctor.token(), "/api/v1/booking/patients?query=" + phone.replace("+", "%2B"));
        assertThat(byPhone.statusCode()).as(byPhone.body()).isEqualTo(200);
        assertThat(body(byPhone).findValuesAsString("firstName")).containsExactlyInAnyOrder("Анна", "Мария");
        var bySnils = getAs(doctor.token(), "/api/v1/booking/patients?query=" + snils);
        assertThat(body(bySnils).findValuesAsString("firstName")).containsExactly("Анна");
        var byPolicy = getAs(doctor.token(), "/api/v1/patient-records?query=" + oms);
        assertThat(body(byPolicy).findValuesAsString("firstName")).containsExactly("Анна");

        // Staff book the child found by the phone; the notice goes to the contact phone.
        String childId = body(second).get("patientId").asString();
        String slot = freeSlots(doctor.token(), doctor).get(0).get("id").asString();
        var booked = postAs(
                doctor.token(),
                "/api/v1/appointments",
                map("slotId", slot, "patientId", childId, "acceptClinicDocuments", true));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        assertThat(body(booked).get("patientId").asString()).isEqualTo(childId);
        assertThat(identity.accounts()
                        .contact(new org.medkarta.shared.UserId(java.util.UUID.fromString(
                                body(second).get("userId").asString())))
                        .orElseThrow()
                        .phone())
                .isEqualTo(phone);
    }

    @Test
    void wrongFieldsAreNamedAndAPolicyBelongsToOneRecord() {
        var clinic = clinic();
        var doctor = doctor(clinic);
        String registry = registrar(clinic);
        var bad = record("12", "123-456-789 00", "123456789012345");
        bad.put("sex", "X");
        bad.put("birthDate", "2999-01-01");
        bad.put("lastName", "");
        var refused = postAs(doctor.token(), "/api/v1/patient-records", bad);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
        assertThat(problem(refused)).isEqualTo("invalid-input");
        assertThat(body(refused).get("errors").findValuesAsString("field"))
                .contains("lastName", "birthDate", "sex", "phone", "snils", "omsNumber");

        String oms = oms();
        var created = postAs(doctor.token(), "/api/v1/patient-records", record(Phones.unique(), null, oms));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var again = postAs(doctor.token(), "/api/v1/patient-records", record(Phones.unique(), null, oms));
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(body(again).get("errors").findValuesAsString("field")).containsExactly("omsNumber");

        String patient = body(created).get("patientId").asString();
        // Policies are the registry's to keep; the clinic's doctor only reads them (issue 12).
        var dms = postAs(
                registry,
                "/api/v1/patients/" + patient + "/policies",
                map(
                        "kind",
                        "DMS",
                        "number",
                        "ДМС-0042/77",
                        "insurer",
                        "Ингосстрах",
                        "validFrom",
                        "2026-01-01",
                        "validTo",
                        "2026-12-31"));
        assertThat(dms.statusCode()).as(dms.body()).isEqualTo(201);
        var backwards = postAs(
                registry,
                "/api/v1/patients/" + patient + "/policies",
                map("kind", "DMS", "number", "A-1", "validFrom", "2026-12-31", "validTo", "2026-01-01"));
        assertThat(body(backwards).get("errors").findValuesAsString("field")).contains("validTo", "number");
        var policies = getAs(doctor.token(), "/api/v1/patients/" + patient + "/policies");
        assertThat(body(policies).findValuesAsString("kind")).containsExactlyInAnyOrder("OMS", "DMS");
        var byDms = getAs(
                doctor.token(),
                "/api/v1/patient-records?query="
                        + java.net.URLEncoder.encode("ДМС-0042/77", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(body(byDms).size()).isEqualTo(1);
        assertThat(body(byDms).get(0).get("patientId").asString()).isEqualTo(patient);
    }

    @Test
    void patientsNeitherSearchNorCreateRecordsButKeepTheirOwnPolicies() {
        var patient = patient();
        assertThat(getAs(
                                patient.token(),
                                "/api/v1/patient-records?query="
                                        + patient.phone().replace("+", "%2B"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(postAs(patient.token(), "/api/v1/patient-records", record(Phones.unique(), null, null))
                        .statusCode())
                .isEqualTo(404);
        String oms = oms();
        var own = postAs(
                patient.token(), "/api/v1/patients/" + patient.id() + "/policies", map("kind", "OMS", "number", oms));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
        var other = patient();
        assertThat(getAs(other.token(), "/api/v1/patients/" + patient.id() + "/policies")
                        .statusCode())
                .isEqualTo(404);
        assertThat(List.of(body(getAs(patient.token(), "/api/v1/patients/" + patient.id() + "/policies"))
                        .get(0)
                        .get("number")
                        .asString()))
                .containsExactly(oms);
    }
}
