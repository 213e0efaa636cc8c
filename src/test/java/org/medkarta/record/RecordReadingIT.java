package org.medkarta.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;

/**
 * Reading the record through its API: the patient view of Appendix 1, its filters and pages, one
 * entry, flags and the chart series, and 404 for a record one may not see.
 */
class RecordReadingIT extends RecordSupport {

    @org.springframework.beans.factory.annotation.Autowired
    RecordReading recordReading;

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
