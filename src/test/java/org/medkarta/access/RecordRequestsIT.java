package org.medkarta.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medkarta.files.Samples;
import org.medkarta.shared.PatientId;
import org.medkarta.testing.Identifiers;
import org.medkarta.testing.Phones;

/**
 * Record-access requests (SPEC E0, issue 17; seeds 001 and 003): a phone number opens nothing of a
 * record a clinic keeps; a request with documents does, once the clinic's registry (or, for an exact
 * match, the clinic's own setting) approves it.
 */
class RecordRequestsIT extends RecordRequestSupport {

    @Test
    void aRefusedRequestCanBeFiledAgainButOnlyOneIsOpenPerAccountPersonAndClinic() {
        var clinic = clinic();
        var registrar = registrar(clinic);
        var papers = Papers.adult("Повторова", "Вера", null);
        PatientId kept = keptRecord(registrar.token(), papers, Phones.unique());
        var requester = patient("Повторова", "Вера");
        String first = id(fileRequest(requester.token(), papers.request(clinic)));

        var second = fileRequest(requester.token(), papers.request(clinic));
        assertThat(second.statusCode()).as(second.body()).isEqualTo(409);
        assertThat(problem(second)).isEqualTo("request-open");
        // Another clinic is another request.
        var elsewhere = clinic();
        assertThat(fileRequest(requester.token(), papers.request(elsewhere)).statusCode())
                .isEqualTo(201);

        String base = "/api/v1/record-access-requests/" + first;
        var refuseSubmitted = postAs(registrar.token(), base + "/refuse", map("reason", "Скан нечитаем"));
        assertThat(refuseSubmitted.statusCode()).as("taken first").isEqualTo(409);
        assertThat(postAs(registrar.token(), base + "/take", map()).statusCode())
                .isEqualTo(200);
        var noReason = postAs(registrar.token(), base + "/refuse", map("reason", "  "));
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(body(noReason).get("errors").findValuesAsString("field")).containsExactly("reason");
        var refused = postAs(registrar.token(), base + "/refuse", map("reason", "Скан паспорта нечитаем"));
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(200);
        assertThat(body(refused).get("state").asString()).isEqualTo("REFUSED");
        assertThat(body(refused).get("refusalReason").asString()).isEqualTo("Скан паспорта нечитаем");
        assertThat(smsTo(requester.phone(), 3)).anyMatch(text -> text.contains("Скан паспорта нечитаем"));
        assertThat(record(requester.token(), kept).statusCode()).isEqualTo(404);

        var again = fileRequest(requester.token(), papers.request(clinic));
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        var mine = getWith(requester.token(), "/api/v1/record-access-requests");
        assertThat(body(mine).findValuesAsString("state"))
                .containsExactlyInAnyOrder("SUBMITTED", "SUBMITTED", "REFUSED");
    }

    @Test
    void everyReadOfARequestsPapersAndScansIsAuditedTheRegistryAsStaffTheAuthorAsSelf() {
        var clinic = clinic();
        var registrar = registrar(clinic);
        var papers = Papers.adult("Аудитова", "Ирина", null);
        keptRecord(registrar.token(), papers, Phones.unique());
        var requester = patient("Аудитова", "Ирина");
        var filed = fileRequest(requester.token(), papers.request(clinic));
        String request = id(filed);
        String scan = body(filed).get(0).get("scans").get(0).get("id").asString();
        String base = "/api/v1/record-access-requests/" + request;
        String registrarId = registrar.user().userId().value().toString();
        String requesterId = requester.user().userId().value().toString();
        String ownRecord = requester.patient().value().toString();

        long before = lastAuditSeq();
        var scanRead = getWith(registrar.token(), base + "/scans/" + scan);
        assertThat(scanRead.statusCode()).as(scanRead.body()).isEqualTo(200);
        assertThat(readsSince(before, request))
                .as("staff opening a scan of an identity document")
                .containsExactly(registrarId + " STAFF ACCESS_REQUEST_SCAN_READ SUCCESS " + ownRecord);

        before = lastAuditSeq();
        assertThat(getWith(registrar.token(), base).statusCode()).isEqualTo(200);
        assertThat(getWith(registrar.token(), "/api/v1/record-access-requests?clinicId=" + clinic.value())
                        .statusCode())
                .isEqualTo(200);
        assertThat(readsSince(before, request))
                .as("the request alone, and the request in the queue")
                .containsExactly(
                        registrarId + " STAFF ACCESS_REQUEST_READ SUCCESS " + ownRecord,
                        registrarId + " STAFF ACCESS_REQUEST_READ SUCCESS " + ownRecord);

        // The author's own reads leave entries as the patient's own reads of their card do: as SELF.
        before = lastAuditSeq();
        assertThat(getWith(requester.token(), base + "/scans/" + scan).statusCode())
                .isEqualTo(200);
        assertThat(readsSince(before, request))
                .containsExactly(requesterId + " SELF ACCESS_REQUEST_SCAN_READ SUCCESS " + ownRecord);

        var otherRegistrar = registrar(clinic());
        before = lastAuditSeq();
        assertThat(getWith(otherRegistrar.token(), base + "/scans/" + scan).statusCode())
                .isEqualTo(404);
        assertThat(readsSince(before, request))
                .containsExactly(
                        otherRegistrar.user().userId().value() + " NONE ACCESS_REQUEST_SCAN_READ DENIED " + ownRecord);
    }

    /**
     * The audit entries about reading {@code request} recorded after {@code seq}: actor, role,
     * action, outcome, record.
     */
    private List<String> readsSince(long seq, String request) {
        return jdbc.sql("""
                        SELECT actor_id, actor_role, action, outcome, patient_id FROM audit_event
                        WHERE seq > :seq AND action LIKE 'ACCESS_REQUEST_%' AND resource LIKE :resource
                        ORDER BY seq
                        """)
                .param("seq", seq)
                .param("resource", "record-access-request " + request + "%")
                .query((row, n) -> row.getObject("actor_id") + " " + row.getString("actor_role") + " "
                        + row.getString("action") + " " + row.getString("outcome") + " "
                        + row.getObject("patient_id"))
                .list();
    }

    @Test
    void twoRequestsFiledAtOnceLeaveOneOpen() throws Exception {
        var clinic = clinic();
        var papers = Papers.adult("Гонкова", "Лада", null);
        var requester = patient("Гонкова", "Лада");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var answers = new java.util.ArrayList<java.util.concurrent.Future<HttpResponse<String>>>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> fileRequest(requester.token(), papers.request(clinic))));
            }
            var statuses = new java.util.ArrayList<Integer>();
            for (var answer : answers) {
                statuses.add(answer.get().statusCode());
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses).containsOnlyOnce(201);
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM access_record_request WHERE account_id = :a")
                        .param("a", requester.user().userId().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aRequestToEveryClinicGoesToEachClinicKeepingAMatchingRecord() {
        var first = clinic();
        var second = clinic();
        var papers = Papers.adult("Всеклиникова", "Нина", null);
        keptRecord(registrar(first).token(), papers, Phones.unique());
        var requester = patient("Всеклиникова", "Нина");
        // The second clinic keeps the person under another SNILS and policy: found by name and birth date.
        keptRecord(
                registrar(second).token(),
                new Papers("Всеклиникова", "Нина", null, "1980-01-02", Identifiers.snils(), Identifiers.oms()),
                Phones.unique());
        var filed = fileRequest(requester.token(), papers.request(null));
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
        assertThat(body(filed).findValuesAsString("clinicId"))
                .containsExactlyInAnyOrder(
                        first.value().toString(), second.value().toString());

        var nobody = fileRequest(
                patient("Никтова", "Зоя").token(),
                Papers.adult("Никтова", "Зоя", null).request(null));
        assertThat(nobody.statusCode()).isEqualTo(422);
        assertThat(body(nobody).get("errors").findValuesAsString("field")).containsExactly("clinicId");
    }

    @Test
    void aParentsApprovedRequestOpensTheChildsRecordAsParentUntilFifteen() {
        var clinic = clinic();
        var registrar = registrar(clinic);
        LocalDate born = LocalDate.now(ZoneId.of("Europe/Moscow")).minusYears(10);
        var childPapers =
                new Papers("Детова", "Маша", "Ивановна", born.toString(), Identifiers.snils(), Identifiers.oms());
        var parent = patient("Детова", "Ирина");
        PatientId kept = keptRecord(registrar.token(), childPapers, parent.phone());
        clinicalEntry(clinic, kept);

        var asAdult = childPapers.request(clinic);
        asAdult.put("forChild", "true");
        asAdult.put("birthDate", "1990-01-01");
        asAdult.put("documentType", "BIRTH_CERTIFICATE");
        asAdult.put("documentSeries", "IV-МЮ");
        var ofAge = fileRequest(parent.token(), asAdult);
        assertThat(ofAge.statusCode()).isEqualTo(422);
        assertThat(body(ofAge).get("errors").findValuesAsString("field")).containsExactly("birthDate");

        var fields = childPapers.request(clinic);
        fields.put("forChild", "true");
        fields.put("documentType", "BIRTH_CERTIFICATE");
        fields.put("documentSeries", "iv-мю");
        fields.put("documentNumber", "654321");
        fields.put("documentIssuedOn", born.plusDays(20).toString());
        fields.put("documentIssuer", "Отдел ЗАГС Москвы");
        var filed = fileRequest(parent.token(), fields);
        String request = id(filed);
        assertThat(body(filed).get(0).get("forChild").asBoolean()).isTrue();
        assertThat(body(filed).get(0).get("documentSeries").asString()).isEqualTo("IV-МЮ");
        assertThat(record(parent.token(), kept).statusCode()).isEqualTo(404);

        String base = "/api/v1/record-access-requests/" + request;
        assertThat(postAs(registrar.token(), base + "/take", map()).statusCode())
                .isEqualTo(200);
        var approved = postAs(
                registrar.token(),
                base + "/approve",
                map("patientId", kept.value().toString()));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);

        var opened = record(parent.token(), kept);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        assertThat(opened.body()).contains("Гемоглобин клиники");
        var records = body(getWith(parent.token(), "/api/v1/me")).get("records");
        assertThat(records.findValuesAsString("patientId"))
                .contains(kept.value().toString());
        for (var record : records) {
            if (record.get("patientId").asString().equals(kept.value().toString())) {
                assertThat(record.get("relation").asString()).isEqualTo("PARENT");
            }
        }

        // Parental access still ends on the 15th birthday (order 003 §23.2).
        clock.freezeAt(born.plusYears(15)
                .atStartOfDay(ZoneId.of("Europe/Moscow"))
                .plusHours(1)
                .toInstant());
        var later = again(parent);
        assertThat(record(later.token(), kept).statusCode()).isEqualTo(404);
    }

    @Test
    void badInputGetsASpecificMessageBesideItsField() {
        var clinic = clinic();
        var requester = patient("Ошибкина", "Алла");
        var papers = Papers.adult("Ошибкина", "Алла", null);
        Map<String, String> badSnils = papers.request(clinic);
        badSnils.put("snils", "112-233-445 96");
        assertRefused(fileRequest(requester.token(), badSnils), "snils", "СНИЛС");

        Map<String, String> badSeries = papers.request(clinic);
        badSeries.put("documentSeries", "45 0A");
        badSeries.put("documentNumber", "12345");
        var series = fileRequest(requester.token(), badSeries);
        assertThat(series.statusCode()).isEqualTo(422);
        assertThat(body(series).get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("documentSeries", "documentNumber");

        Map<String, String> badCertificate = papers.request(clinic);
        badCertificate.put("documentType", "BIRTH_CERTIFICATE");
        badCertificate.put("documentSeries", "45 06");
        assertRefused(fileRequest(requester.token(), badCertificate), "documentSeries", "IV-МЮ");

        Map<String, String> badPolicy = papers.request(clinic);
        badPolicy.put("omsNumber", "123456789012345");
        assertRefused(fileRequest(requester.token(), badPolicy), "omsNumber", "16");

        assertRefused(
                multipartFiles(requester.token(), "/api/v1/record-access-requests", papers.request(clinic), List.of()),
                "documentScan",
                "скан");
        byte[] sixMegabytes = new byte[6 * 1024 * 1024];
        System.arraycopy(Samples.png(), 0, sixMegabytes, 0, Samples.png().length);
        var tooLarge = multipartFiles(
                requester.token(),
                "/api/v1/record-access-requests",
                papers.request(clinic),
                List.of(new FilePart("documentScan", "passport.png", sixMegabytes)));
        assertThat(tooLarge.statusCode()).as(tooLarge.body()).isEqualTo(413);
        assertThat(tooLarge.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(problem(tooLarge)).isEqualTo("payload-too-large");
        assertThat(body(tooLarge).get("title").asString()).isNotBlank();
        assertThat(body(tooLarge).get("field").asString()).isEqualTo("documentScan");
        assertThat(body(tooLarge).get("errors").findValuesAsString("field")).containsExactly("documentScan");
        assertThat(body(tooLarge).get("detail").asString()).contains("5");
        Map<String, String> tooLargeAndMisnamed = papers.request(clinic);
        tooLargeAndMisnamed.put("lastName", "123");
        var both = multipartFiles(
                requester.token(),
                "/api/v1/record-access-requests",
                tooLargeAndMisnamed,
                List.of(new FilePart("documentScan", "passport.png", sixMegabytes)));
        assertThat(both.statusCode()).as("the size decides the status").isEqualTo(413);
        assertThat(body(both).get("errors").findValuesAsString("field"))
                .as("every wrong field is still named")
                .containsExactlyInAnyOrder("lastName", "documentScan");
        assertRefused(
                multipartFiles(
                        requester.token(),
                        "/api/v1/record-access-requests",
                        papers.request(clinic),
                        List.of(new FilePart("documentScan", "passport.png", Samples.windowsExecutable()))),
                "documentScan",
                "PNG");
        assertRefused(
                multipartFiles(
                        requester.token(),
                        "/api/v1/record-access-requests",
                        papers.request(clinic),
                        List.of(
                                new FilePart("documentScan", "passport.pdf", Samples.pdf()),
                                new FilePart("scans", "snils.exe.png", Samples.executable()))),
                "scans",
                "PNG");
        assertThat(getWith(requester.token(), "/api/v1/record-access-requests").body())
                .isEqualTo("[]");

        var badState = getWith(
                registrar(clinic).token(), "/api/v1/record-access-requests?clinicId=" + clinic.value() + "&state=DONE");
        assertThat(badState.statusCode()).isEqualTo(422);
        var badId = getWith(requester.token(), "/api/v1/record-access-requests/not-an-id");
        assertThat(badId.statusCode()).isIn(400, 422);
    }

    private void assertRefused(HttpResponse<String> answer, String field, String inDetail) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
        assertThat(problem(answer)).isEqualTo("invalid-input");
        assertThat(body(answer).get("errors").findValuesAsString("field")).containsExactly(field);
        assertThat(answer.body()).contains(inDetail);
    }
}
