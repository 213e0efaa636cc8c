package org.medkarta.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medkarta.access.RecordAction;
import org.medkarta.identity.RegistryIdentifiers;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.testing.Identifiers;
import org.medkarta.testing.Phones;

/**
 * Sex, SNILS and OMS policy (SPEC E1, E7, F4): the identity section is identity's, and records
 * sharing a staff-created policy number are flagged.
 */
class PatientIdentifiersIT extends RecordSupport {

    @org.springframework.beans.factory.annotation.Autowired
    private RegistryIdentifiers registryIdentifiers;

    @org.springframework.beans.factory.annotation.Autowired
    RecordReading recordReading;

    @Test
    void theIdentitySectionIsIdentitysAndARecordSharingAStaffCreatedPolicyIsFlagged() {
        // Staff create a record with a SNILS and an OMS policy in identity (SPEC C6).
        String snils = Identifiers.snils();
        String oms = Identifiers.oms();
        var second = patient();
        var doctor = doctor(second);
        var created = postAs(
                doctor.token(),
                "/api/v1/patient-records",
                map(
                        "lastName",
                        "Первова",
                        "firstName",
                        "Анна",
                        "birthDate",
                        "1990-05-17",
                        "sex",
                        "FEMALE",
                        "phone",
                        Phones.unique(),
                        "snils",
                        snils,
                        "omsNumber",
                        oms,
                        "omsInsurer",
                        "СОГАЗ-Мед",
                        "omsValidTo",
                        "2030-12-31"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String first = body(created).get("patientId").asString();

        // SNILS and policies are the registry's to change (SPEC F4, issue 12): the doctor is told so.
        var byDoctor = postAs(
                doctor.token(), "/api/v1/patients/" + second.id() + "/identity", map("snils", Identifiers.snils()));
        assertThat(byDoctor.statusCode()).as(byDoctor.body()).isEqualTo(403);
        assertThat(problem(byDoctor)).isEqualTo("registry-only");
        var registry = registrar(doctor);
        var badSnils = putAs(
                registry.token(), "/api/v1/patient-records/" + second.id() + "/snils", map("snils", "112-233-445 96"));
        assertThat(badSnils.statusCode()).isEqualTo(422);
        assertThat(body(badSnils).get("field").asString()).isEqualTo("snils");
        // A SNILS names one person: the one the staff-created record holds is refused, field named.
        var takenSnils =
                putAs(registry.token(), "/api/v1/patient-records/" + second.id() + "/snils", map("snils", snils));
        assertThat(takenSnils.statusCode()).isEqualTo(422);
        assertThat(body(takenSnils).get("field").asString()).isEqualTo("snils");
        assertThat(takenSnils.body()).contains("СНИЛС");

        // A new policy that another record holds is refused at the registry desk, field named ...
        var policyTaken = postAs(
                registry.token(),
                "/api/v1/patients/" + second.id() + "/policies",
                map("kind", "OMS", "number", oms, "insurer", "АО «Капитал МС»", "validTo", "2031-06-30"));
        assertThat(policyTaken.statusCode()).as(policyTaken.body()).isEqualTo(422);
        assertThat(body(policyTaken).get("field").asString()).isEqualTo("number");
        // ... but when the patient's document shows that very number, the registry records it as the
        // OMS policy and both records are flagged for staff to reconcile (SPEC E7).
        registryIdentifiers.recordOms(
                registry.user(), second.patientId(), oms, "АО «Капитал МС»", LocalDate.of(2031, 6, 30));
        // The doctor still corrects what is not an identifier, with a reason.
        var set = postAs(
                doctor.token(),
                "/api/v1/patients/" + second.id() + "/identity",
                map("sex", "female", "reason", "По документу"));
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);

        // One source of truth: identity's policies API and the record's identity section agree.
        var section = body(getAs(doctor.token(), "/api/v1/patients/" + second.id() + "/record/identity"));
        assertThat(section.get("policies")).hasSize(1);
        var policy = section.get("policies").get(0);
        assertThat(policy.get("kind").asString()).isEqualTo("OMS");
        assertThat(policy.get("number").asString()).isEqualTo(oms);
        assertThat(policy.get("insurer").asString()).isEqualTo("АО «Капитал МС»");
        assertThat(policy.get("validTo").asString()).isEqualTo("2031-06-30");
        assertThat(body(getAs(second.token(), "/api/v1/patients/" + second.id() + "/policies"))
                        .get(0)
                        .get("number")
                        .asString())
                .isEqualTo(oms);
        assertThat(body(getAs(second.token(), "/api/v1/patients/" + second.id() + "/record/identity"))
                        .get("policies")
                        .get(0)
                        .get("number")
                        .asString())
                .isEqualTo(oms);
        assertThat(body(getAs(doctor.token(), "/api/v1/patients/" + second.id() + "/contacts"))
                        .get("changes")
                        .findValuesAsString("field"))
                .contains("SEX");

        var adminId = identity.staff()
                .invite(
                        "a-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ru",
                        "Админов",
                        "Пётр",
                        null,
                        Role.PLATFORM_ADMIN,
                        null,
                        "http://localhost",
                        Locale.ENGLISH);
        String admin = identity.tokens()
                .tokensFor(new SignedInUser(
                        adminId, "Админ", null, List.of(new RoleGrant(Role.PLATFORM_ADMIN, null)), "PASSWORD"))
                .accessToken();
        var shared = body(getAs(admin, "/api/v1/record/shared-identifiers"));
        var group = shared.valueStream()
                .filter(g -> g.get("identifier").asString().equals(oms))
                .findFirst()
                .orElseThrow(() -> new AssertionError(shared.toString()));
        assertThat(group.get("kind").asString()).isEqualTo("OMS");
        assertThat(group.get("holders")
                        .valueStream()
                        .map(h -> h.get("patientId").asString()))
                .containsExactlyInAnyOrder(first, second.id());
        assertThat(getAs(second.token(), "/api/v1/record/shared-identifiers").statusCode())
                .isEqualTo(404);
        // The clinician's view of the record carries the flag; the patient's never does.
        var clinicianView = recordReading.record(
                access.require(doctor.user(), second.patientId(), RecordAction.VIEW), RecordFilter.all());
        assertThat(clinicianView.sameSnilsElsewhere()).isTrue();
        var patientView = recordReading.record(
                access.require(second.user(), second.patientId(), RecordAction.VIEW), RecordFilter.all());
        assertThat(patientView.sameSnilsElsewhere()).isFalse();
        assertThat(record(doctor, second, "").get("patient").get("sex").asString())
                .isEqualTo("FEMALE");
    }
}
