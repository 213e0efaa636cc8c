package org.medkarta.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
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
import tools.jackson.databind.JsonNode;

/** The record through its API: the patient view of Appendix 1, versions, duplicates, flags, contacts. */
class RecordApiIT extends RecordSupport {

    @org.springframework.beans.factory.annotation.Autowired
    private RegistryIdentifiers registryIdentifiers;

    @org.springframework.beans.factory.annotation.Autowired
    RecordReading recordReading;

    private List<String> titles(JsonNode record) {
        var titles = new ArrayList<String>();
        record.get("entries").forEach(entry -> titles.add(entry.get("title").asString()));
        return titles;
    }

    private JsonNode record(Person reader, Person patient, String query) {
        var response = getAs(reader.token(), "/api/v1/patients/" + patient.id() + "/record" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return body(response);
    }

    @Test
    void patientAccountShowsOnlyWhatAppendixOneListsFromItsDates() {
        var patient = patient("1980-05-20");
        var doctor = doctor(patient);
        file(doctor, patient, "EXAM_PROTOCOL", exam("2016-12-31", "Терапевт 2016", "Без особенностей", "Здоров"));
        file(doctor, patient, "EXAM_PROTOCOL", exam("2017-01-01", "Терапевт 2017", "Без особенностей", "Здоров"));
        file(doctor, patient, "LAB_RESULT", lab("2018-12-31", "HGB", "Гемоглобин 2018", "130", "g/L"));
        file(doctor, patient, "LAB_RESULT", lab("2019-01-01", "HGB", "Гемоглобин 2019", "131", "g/L"));
        file(
                doctor,
                patient,
                "HOSPITALISATION",
                stay("2018-12-20", "2018-12-31", "Кардиология 2018", "ИБС", "Улучшение", "Эпикриз"));
        file(
                doctor,
                patient,
                "HOSPITALISATION",
                stay("2018-12-25", "2019-01-01", "Кардиология 2019", "ИБС", "Улучшение", "Эпикриз"));
        file(doctor, patient, "INSTRUMENTAL", study("2018-06-01", "ECG", "ЭКГ 2018", "Ритм синусовый"));
        file(doctor, patient, "INSTRUMENTAL", study("2019-01-01", "ECG", "ЭКГ 2019", "Ритм синусовый"));
        file(doctor, patient, "INSTRUMENTAL", study("2015-12-31", "XRAY", "Рентген 2015", "Норма"));
        file(doctor, patient, "INSTRUMENTAL", study("2016-01-01", "XRAY", "Рентген 2016", "Норма"));
        file(
                doctor,
                patient,
                "DIAGNOSIS",
                "icd10",
                "I10",
                "name",
                "Гипертензия",
                "onset",
                "2020-01-01",
                "clinicalStatus",
                "ACTIVE");

        var own = record(patient, patient, "");
        assertThat(titles(own))
                .containsExactlyInAnyOrder(
                        "Терапевт 2017", "Гемоглобин 2019", "Кардиология 2019", "ЭКГ 2019", "Рентген 2016");
        var header = own.get("patient");
        assertThat(header.get("firstName").asString()).isEqualTo("Анна");
        assertThat(header.get("patronymic").asString()).isEqualTo("Петровна");
        assertThat(header.get("lastNameInitial").asString()).isEqualTo("С");
        assertThat(header.has("lastName")).isFalse();
        assertThat(header.get("age").asInt())
                .isEqualTo(PatientHeader.fullYears(LocalDate.of(1980, 5, 20), LocalDate.now(clock)));

        var whole = record(doctor, patient, "");
        assertThat(whole.get("entries")).hasSize(11);

        String hidden = whole.get("entries")
                .valueStream()
                .filter(entry -> entry.get("title").asString().equals("Терапевт 2016"))
                .findFirst()
                .orElseThrow()
                .get("id")
                .asString();
        var refused = getAs(patient.token(), "/api/v1/patients/" + patient.id() + "/record/entries/" + hidden);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(getAs(doctor.token(), "/api/v1/patients/" + patient.id() + "/record/entries/" + hidden)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void filtersByTypeAndDatesAndNamesAWrongFilter() {
        var patient = patient();
        var doctor = doctor(patient);
        file(doctor, patient, "LAB_RESULT", lab("2020-03-01", "GLU", "Глюкоза март", "5.1", "mmol/L"));
        file(doctor, patient, "LAB_RESULT", lab("2021-03-01", "GLU", "Глюкоза 2021", "5.2", "mmol/L"));
        file(doctor, patient, "EXAM_PROTOCOL", exam("2020-03-02", "Эндокринолог", "Осмотр", "Норма"));

        assertThat(titles(record(patient, patient, "?type=LAB_RESULT")))
                .containsExactly("Глюкоза 2021", "Глюкоза март");
        assertThat(titles(record(patient, patient, "?from=2020-01-01&to=2020-12-31")))
                .containsExactly("Эндокринолог", "Глюкоза март");

        var wrong = getAs(patient.token(), "/api/v1/patients/" + patient.id() + "/record?type=XRAYS&from=2020-13-01");
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(problem(wrong)).isEqualTo("invalid-input");
        assertThat(body(wrong)
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .contains("type", "from");
    }

    @Test
    void anotherPersonsRecordIsNotFound() {
        var patient = patient();
        var stranger = patient();
        var doctor = doctor(patient);
        String entry = file(doctor, patient, "EXAM_PROTOCOL", exam("2022-01-10", "Терапевт", "Осмотр", "Норма"));
        var otherDoctor = doctor();

        for (var reader : List.of(stranger, otherDoctor)) {
            var list = getAs(reader.token(), "/api/v1/patients/" + patient.id() + "/record");
            assertThat(list.statusCode()).isEqualTo(404);
            assertThat(problem(list)).isEqualTo("not-found");
            assertThat(getAs(reader.token(), "/api/v1/patients/" + patient.id() + "/record/entries/" + entry)
                            .statusCode())
                    .isEqualTo(404);
        }
        assertThat(getAs(stranger.token(), "/api/v1/patients/" + stranger.id() + "/record/entries/" + entry)
                        .statusCode())
                .isEqualTo(404);
        assertThat(get("/api/v1/patients/" + patient.id() + "/record").statusCode())
                .isEqualTo(401);
    }

    @Test
    void everyChangeIsANewVersionWithAuthorAndReasonAndNothingIsDestroyed() {
        var patient = patient();
        var doctor = doctor(patient);
        String entry = file(
                doctor,
                patient,
                "LAB_RESULT",
                lab("2023-02-01", "CHOL", "Холестерин", "6.8", "mmol/L", "referenceHigh", "5.2"));
        String path = "/api/v1/patients/" + patient.id() + "/record/entries/" + entry;

        var noReason = postAs(
                doctor.token(),
                path + "/corrections",
                map("fields", map(lab("2023-02-01", "CHOL", "Холестерин", "5.8", "mmol/L", "referenceHigh", "5.2"))));
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(body(noReason).get("field").asString()).isEqualTo("reason");

        clock.advance(java.time.Duration.ofMinutes(5));
        var corrected = postAs(
                doctor.token(),
                path + "/corrections",
                map(
                        "fields",
                        map(lab("2023-02-01", "CHOL", "Холестерин", "5.8", "mmol/L", "referenceHigh", "5.2")),
                        "reason",
                        "Опечатка в значении"));
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(200);

        var detail = body(getAs(doctor.token(), path));
        assertThat(detail.get("version").asInt()).isEqualTo(2);
        assertThat(detail.get("status").asString()).isEqualTo("AMENDED");
        assertThat(detail.get("fields").get("value").asString()).isEqualTo("5.8");
        assertThat(detail.get("flag").asString()).isEqualTo("H");
        var history = detail.get("history");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).get("reason").asString()).isEqualTo("Опечатка в значении");
        assertThat(history.get(0).get("author").asString()).isEqualTo("Врачев Иван");
        assertThat(history.get(1).get("fields").get("value").asString()).isEqualTo("6.8");

        var wrong = postAs(doctor.token(), path + "/entered-in-error", map("reason", "Анализ другого пациента"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        var after = body(getAs(doctor.token(), path));
        assertThat(after.get("status").asString()).isEqualTo("ENTERED_IN_ERROR");
        assertThat(after.get("history")).hasSize(3);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM record_entry_version WHERE entry_id = :id")
                        .param("id", UUID.fromString(entry))
                        .query(Long.class)
                        .single())
                .isEqualTo(3);
        assertThat(titles(record(patient, patient, ""))).doesNotContain("Холестерин");
        assertThat(getAs(patient.token(), path).statusCode()).isEqualTo(404);
    }

    @Test
    void aMatchingEntryRaisesADuplicateWarningUntilConfirmed() {
        var patient = patient();
        var doctor = doctor(patient);
        var fields = map(lab("2024-04-04", "tsh", "ТТГ", "2.50", "mIU/L"));
        String first = file(doctor, patient, "LAB_RESULT", lab("2024-04-04", "TSH", "ТТГ", "2.5", "mIU/L"));

        var again = postAs(
                doctor.token(),
                "/api/v1/patients/" + patient.id() + "/record/entries",
                map("type", "LAB_RESULT", "fields", fields));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(problem(again)).isEqualTo("duplicate-entry");
        assertThat(body(again).get("existingEntryId").asString()).isEqualTo(first);

        var otherValue = postAs(
                doctor.token(),
                "/api/v1/patients/" + patient.id() + "/record/entries",
                map("type", "LAB_RESULT", "fields", map(lab("2024-04-04", "TSH", "ТТГ", "2.6", "mIU/L"))));
        assertThat(otherValue.statusCode()).isEqualTo(201);

        var confirmed = postAs(
                doctor.token(),
                "/api/v1/patients/" + patient.id() + "/record/entries",
                map("type", "LAB_RESULT", "fields", fields, "confirmDuplicate", true));
        assertThat(confirmed.statusCode()).isEqualTo(201);
    }

    @Test
    void laboratoryFlagsAndTheChartSeriesCarryTheReferenceRange() {
        var patient = patient();
        var doctor = doctor(patient);
        file(
                doctor,
                patient,
                "LAB_RESULT",
                lab("2021-01-10", "HGB", "Гемоглобин", "110", "g/L", "referenceLow", "120", "referenceHigh", "160"));
        file(
                doctor,
                patient,
                "LAB_RESULT",
                lab("2022-01-10", "HGB", "Гемоглобин", "140", "g/L", "referenceLow", "120", "referenceHigh", "160"));
        file(
                doctor,
                patient,
                "LAB_RESULT",
                lab("2023-01-10", "HGB", "Гемоглобин", "171", "g/L", "referenceLow", "120", "referenceHigh", "160"));

        var series = body(getAs(patient.token(), "/api/v1/patients/" + patient.id() + "/record/labs/hgb"));
        assertThat(series.get("unit").asString()).isEqualTo("g/L");
        assertThat(series.get("points").valueStream().map(p -> p.get("flag").asString()))
                .containsExactly("L", "N", "H");
        assertThat(series.get("points").get(0).get("referenceLow").asDouble()).isEqualTo(120.0);
        var tests = body(getAs(patient.token(), "/api/v1/patients/" + patient.id() + "/record/labs"));
        assertThat(tests.get(0).get("code").asString()).isEqualTo("HGB");
        assertThat(tests.get(0).get("results").asInt()).isEqualTo(3);

        var bad = postAs(
                doctor.token(),
                "/api/v1/patients/" + patient.id() + "/record/entries",
                map(
                        "type",
                        "LAB_RESULT",
                        "fields",
                        map(lab(
                                "2099-01-01",
                                "HGB",
                                "Hb",
                                "много",
                                "g/L",
                                "referenceLow",
                                "160",
                                "referenceHigh",
                                "120"))));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(body(bad).get("errors").valueStream().map(e -> e.get("field").asString()))
                .containsExactlyInAnyOrder("date", "value", "referenceHigh");
        var icd = postAs(
                doctor.token(),
                "/api/v1/patients/" + patient.id() + "/record/entries",
                map(
                        "type",
                        "DIAGNOSIS",
                        "fields",
                        map("icd10", "гипертония", "name", "АГ", "onset", "2020-01-01", "clinicalStatus", "ACTIVE")));
        assertThat(body(icd).get("field").asString()).isEqualTo("icd10");
    }

    @Test
    void aPatientCannotFileClinicalEntries() {
        var patient = patient();
        var response = postAs(
                patient.token(),
                "/api/v1/patients/" + patient.id() + "/record/entries",
                map(
                        "type",
                        "EXAM_PROTOCOL",
                        "fields",
                        map(
                                "date",
                                "2024-01-01",
                                "specialty",
                                "Я сам",
                                "examination",
                                "Здоров",
                                "conclusion",
                                "Здоров")));
        // The policy point may refuse a patient any write (404), or this module refuses clinical entries (403).
        assertThat(response.statusCode()).isIn(403, 404);
        assertThat(problem(response)).isIn("clinical-entries-read-only", "not-found");
    }

    @Test
    void aNewEntryIsMarkedNewUntilOpenedAndThePatientGetsANotice() {
        var patient = patient();
        var doctor = doctor(patient);
        String entry = file(
                doctor,
                patient,
                "EXAM_PROTOCOL",
                "date",
                LocalDate.now(clock).toString(),
                "specialty",
                "Невролог",
                "examination",
                "Осмотр",
                "conclusion",
                "Норма");

        assertThat(record(patient, patient, "")
                        .get("entries")
                        .get(0)
                        .get("isNew")
                        .asBoolean())
                .isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_notice WHERE user_id = :user AND link LIKE :link")
                        .param("user", patient.user().userId().value())
                        .param("link", "%" + entry)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // A doctor opening it does not take the patient's mark away; the patient opening it does.
        getAs(doctor.token(), "/api/v1/patients/" + patient.id() + "/record/entries/" + entry);
        assertThat(record(patient, patient, "")
                        .get("entries")
                        .get(0)
                        .get("isNew")
                        .asBoolean())
                .isTrue();
        getAs(patient.token(), "/api/v1/patients/" + patient.id() + "/record/entries/" + entry);
        assertThat(record(patient, patient, "")
                        .get("entries")
                        .get(0)
                        .get("isNew")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void aPatientChangesOnlyContactDataAndEachChangeIsKept() {
        var patient = patient();
        String base = "/api/v1/patients/" + patient.id();
        assertThat(postAs(patient.token(), base + "/contacts", map("kind", "PHONE", "value", "+7 916 555-12-34"))
                        .statusCode())
                .isEqualTo(201);
        var badMail = postAs(patient.token(), base + "/contacts", map("kind", "EMAIL", "value", "not-an-address"));
        assertThat(badMail.statusCode()).isEqualTo(422);
        assertThat(body(badMail).get("field").asString()).isEqualTo("value");
        assertThat(postAs(
                                patient.token(),
                                base + "/addresses",
                                map("which", "ACTUAL", "address", "Москва, ул. Новая, 5"))
                        .statusCode())
                .isEqualTo(200);
        assertThat(postAs(
                                patient.token(),
                                base + "/addresses",
                                map("which", "ACTUAL", "address", "Москва, ул. Старая, 7"))
                        .statusCode())
                .isEqualTo(200);

        var contacts = body(getAs(patient.token(), base + "/contacts"));
        assertThat(contacts.get("contacts").get(0).get("value").asString()).isEqualTo("+79165551234");
        assertThat(contacts.get("actualAddress").asString()).isEqualTo("Москва, ул. Старая, 7");
        assertThat(contacts.get("changes").valueStream().map(c -> c.get("field").asString()))
                .containsExactlyInAnyOrder("PHONE", "ACTUAL_ADDRESS", "ACTUAL_ADDRESS");

        var identity = postAs(patient.token(), base + "/identity", map("sex", "FEMALE"));
        assertThat(identity.statusCode()).isIn(403, 404);
    }

    @Test
    void thePatientRecordsTheirIdentityDocumentEachFormCheckedAndTheChangeLogged() {
        var patient = patient("1990-03-15");
        String base = "/api/v1/patients/" + patient.id();

        var nothing = postAs(patient.token(), base + "/identity-document", map());
        assertThat(nothing.statusCode()).isEqualTo(422);
        assertThat(nothing.body()).contains("documentType", "documentIssuedOn", "documentIssuer");
        var wrongPassport = postAs(
                patient.token(),
                base + "/identity-document",
                map(
                        "type",
                        "RF_PASSPORT",
                        "series",
                        "45 O6",
                        "number",
                        "12345",
                        "issuedOn",
                        "1989-01-01",
                        "issuer",
                        "ОВД"));
        assertThat(wrongPassport.statusCode()).isEqualTo(422);
        assertThat(wrongPassport.body()).contains("documentSeries", "documentNumber", "documentIssuedOn");
        var unknownType = postAs(
                patient.token(),
                base + "/identity-document",
                map("type", "DRIVING_LICENCE", "number", "1", "issuedOn", "2020-01-01", "issuer", "ГИБДД"));
        assertThat(unknownType.statusCode()).isEqualTo(422);
        assertThat(body(unknownType).get("field").asString()).isEqualTo("documentType");
        var future = postAs(
                patient.token(),
                base + "/identity-document",
                map(
                        "type",
                        "RF_PASSPORT",
                        "series",
                        "4506",
                        "number",
                        "123456",
                        "issuedOn",
                        LocalDate.now().plusDays(3).toString(),
                        "issuer",
                        "ОВД"));
        assertThat(future.statusCode()).isEqualTo(422);
        assertThat(body(future).get("field").asString()).isEqualTo("documentIssuedOn");
        assertThat(body(getAs(patient.token(), base + "/record/identity"))
                        .get("document")
                        .isNull())
                .isTrue();

        var stored = postAs(
                patient.token(),
                base + "/identity-document",
                map(
                        "type",
                        "rf_passport",
                        "series",
                        "45 06",
                        "number",
                        "123 456",
                        "issuedOn",
                        "2010-04-01",
                        "issuer",
                        "  ОВД   района Арбат  "));
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        assertThat(body(stored).get("series").asString()).isEqualTo("4506");
        assertThat(body(stored).get("number").asString()).isEqualTo("123456");
        assertThat(body(stored).get("issuer").asString()).isEqualTo("ОВД района Арбат");
        // The same document again changes nothing; a birth certificate typed loosely is normalised.
        postAs(
                patient.token(),
                base + "/identity-document",
                map(
                        "type",
                        "RF_PASSPORT",
                        "series",
                        "4506",
                        "number",
                        "123456",
                        "issuedOn",
                        "2010-04-01",
                        "issuer",
                        "ОВД района Арбат"));
        var certificate = postAs(
                patient.token(),
                base + "/identity-document",
                map(
                        "type",
                        "BIRTH_CERTIFICATE",
                        "series",
                        "iv-мю",
                        "number",
                        "654321",
                        "issuedOn",
                        "1990-04-01",
                        "issuer",
                        "ЗАГС Москвы"));
        assertThat(certificate.statusCode()).as(certificate.body()).isEqualTo(200);
        var section = body(getAs(patient.token(), base + "/record/identity"));
        assertThat(section.get("document").get("type").asString()).isEqualTo("BIRTH_CERTIFICATE");
        assertThat(section.get("document").get("series").asString()).isEqualTo("IV-МЮ");
        var changes = body(getAs(patient.token(), base + "/contacts")).get("changes");
        assertThat(changes.valueStream()
                        .filter(c -> c.get("field").asString().equals("IDENTITY_DOCUMENT"))
                        .count())
                .isEqualTo(2);
        assertThat(changes.toString()).contains("RF_PASSPORT 45 06 № 123456");

        // Nobody else's document: another patient is told the record does not exist.
        var other = patient("1985-01-01");
        assertThat(postAs(
                                other.token(),
                                base + "/identity-document",
                                map("type", "OTHER", "number", "X1", "issuedOn", "2020-01-01", "issuer", "Посольство"))
                        .statusCode())
                .isEqualTo(404);
    }

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

    @Test
    void theDemoPatientHasYearsOfRecordWithALaboratorySeries() {
        var account = identity.accounts().findPatients("+79990000001").get(0);
        var user = new SignedInUser(
                account.userId(), "Демо", account.patientId(), List.of(new RoleGrant(Role.PATIENT, null)), "SMS_CODE");
        var demo = new Person(user, identity.tokens().tokensFor(user).accessToken(), "+79990000001");
        var view = record(demo, demo, "");
        var dates = view.get("entries")
                .valueStream()
                .map(e -> LocalDate.parse(e.get("date").asString()))
                .toList();
        assertThat(dates).isNotEmpty().allMatch(date -> !date.isBefore(LocalDate.of(2016, 1, 1)));
        var types = view.get("entries")
                .valueStream()
                .map(e -> e.get("type").asString())
                .distinct()
                .toList();
        assertThat(types).contains("EXAM_PROTOCOL", "LAB_RESULT", "HOSPITALISATION", "INSTRUMENTAL");
        assertThat(titles(record(demo, demo, "?type=EXAM_PROTOCOL&to=2017-12-31")))
                .hasSize(1);
        var series = body(getAs(demo.token(), "/api/v1/patients/" + demo.id() + "/record/labs/CHOL"));
        assertThat(series.get("points").size()).isGreaterThanOrEqualTo(10);
        var readings = body(getAs(demo.token(), "/api/v1/patients/" + demo.id() + "/diary?measure=BLOOD_PRESSURE"));
        assertThat(readings.size()).isGreaterThanOrEqualTo(30);
    }

    @Test
    void longRecordsComeInPagesThatFollowEachOtherWithoutGapsOrRepeats() {
        var patient = patient("1975-03-03");
        var doctor = doctor(patient);
        // Seven results on five dates, three of them on one date: the order breaks ties by filing time.
        String[][] results = {
            {"2020-01-05", "101"},
            {"2020-01-04", "102"},
            {"2020-01-03", "103"},
            {"2020-01-03", "104"},
            {"2020-01-03", "105"},
            {"2020-01-02", "106"},
            {"2020-01-01", "107"}
        };
        for (String[] result : results) {
            clock.advance(java.time.Duration.ofSeconds(1));
            file(doctor, patient, "LAB_RESULT", lab(result[0], "HGB", "Гемоглобин " + result[1], result[1], "g/L"));
        }
        var whole = titles(record(patient, patient, "?type=LAB_RESULT"));
        assertThat(whole).hasSize(7);
        assertThat(record(patient, patient, "?type=LAB_RESULT").has("next")
                        && !record(patient, patient, "?type=LAB_RESULT")
                                .get("next")
                                .isNull())
                .isFalse();

        var paged = new ArrayList<String>();
        String after = null;
        int pages = 0;
        do {
            var page = record(patient, patient, "?type=LAB_RESULT&limit=3" + (after == null ? "" : "&after=" + after));
            assertThat(page.get("entries").size()).isLessThanOrEqualTo(3);
            paged.addAll(titles(page));
            after = page.hasNonNull("next") ? page.get("next").asString() : null;
            pages++;
        } while (after != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        assertThat(paged).containsExactlyElementsOf(whole);
        assertThat(whole.subList(2, 5))
                .as("same date: the one filed last first")
                .containsExactly("Гемоглобин 105", "Гемоглобин 104", "Гемоглобин 103");

        var path = "/api/v1/patients/" + patient.id() + "/record";
        var damaged = getAs(patient.token(), path + "?after=not-a-cursor");
        assertThat(damaged.statusCode()).isEqualTo(422);
        assertThat(body(damaged).get("field").asString()).isEqualTo("after");
        for (String limit : List.of("0", "501", "many")) {
            var wrong = getAs(patient.token(), path + "?limit=" + limit);
            assertThat(wrong.statusCode()).as(limit).isEqualTo(422);
            assertThat(body(wrong).get("field").asString()).isEqualTo("limit");
        }
    }

    /** The fields of a laboratory result, with any more field-value pairs (a reference range) after them. */
    private static Object[] lab(String date, String code, String name, String value, String unit, Object... more) {
        var fields = new java.util.ArrayList<Object>(
                List.of("date", date, "testCode", code, "testName", name, "value", value, "unit", unit));
        fields.addAll(List.of(more));
        return fields.toArray();
    }

    private static Object[] exam(String date, String specialty, String examination, String conclusion) {
        return new Object[] {"date", date, "specialty", specialty, "examination", examination, "conclusion", conclusion
        };
    }

    private static Object[] study(String date, String modality, String study, String conclusion) {
        return new Object[] {"date", date, "modality", modality, "study", study, "conclusion", conclusion};
    }

    private static Object[] stay(
            String admitted, String discharged, String department, String reason, String outcome, String summary) {
        return new Object[] {
            "admitted",
            admitted,
            "discharged",
            discharged,
            "department",
            department,
            "reason",
            reason,
            "outcome",
            outcome,
            "summary",
            summary
        };
    }
}
