package org.medkarta.clinic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link PatientAttachments}: attachment of patients to clinics (SPEC B6, seed 002). */
class PatientAttachmentsIT extends ClinicApiSupport {

    @Test
    void aConfirmedAttachmentEndsThePreviousOneOfTheSameKindOnly() {
        String[] a = clinicWithAdmin("Поликлиника А");
        String[] b = clinicWithAdmin("Поликлиника Б");
        String patient = patient();

        String general = request(patient, a[0], "GENERAL");
        String dental = request(patient, a[0], "DENTAL");
        assertThat(postAs(a[1], "/api/v1/attachments/" + general + "/confirm", Map.of())
                        .statusCode())
                .isEqualTo(200);
        assertThat(postAs(a[1], "/api/v1/attachments/" + dental + "/confirm", Map.of())
                        .statusCode())
                .isEqualTo(200);
        String moved = request(patient, b[0], "GENERAL");
        var confirmed = postAs(b[1], "/api/v1/attachments/" + moved + "/confirm", Map.of());

        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        assertThat(body(confirmed).get("status").asString()).isEqualTo("CONFIRMED");
        var mine = body(getAs(patient, "/api/v1/attachments")).toString();
        assertThat(statusOf(patient, general)).isEqualTo("ENDED");
        assertThat(statusOf(patient, dental)).isEqualTo("CONFIRMED");
        assertThat(statusOf(patient, moved)).isEqualTo("CONFIRMED");
        assertThat(mine).contains("Поликлиника Б");
    }

    @Test
    void onlyTheChosenClinicDecidesAndARefusalCarriesItsReason() {
        String[] a = clinicWithAdmin("Поликлиника В");
        String[] b = clinicWithAdmin("Поликлиника Г");
        String patient = patient();
        String request = request(patient, a[0], "WOMENS");

        var foreign = postAs(b[1], "/api/v1/attachments/" + request + "/confirm", Map.of());
        var foreignRefusal = postAs(b[1], "/api/v1/attachments/" + request + "/refuse", Map.of("reason", "нет"));
        var foreignList = getAs(b[1], "/api/v1/clinics/" + a[0] + "/attachments");
        var noReason = postAs(a[1], "/api/v1/attachments/" + request + "/refuse", Map.of("reason", " "));
        var refused =
                postAs(a[1], "/api/v1/attachments/" + request + "/refuse", Map.of("reason", "Вне зоны обслуживания"));
        var twice = postAs(a[1], "/api/v1/attachments/" + request + "/confirm", Map.of());

        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreignRefusal.statusCode()).isEqualTo(404);
        assertThat(foreignList.statusCode()).isEqualTo(404);
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(body(noReason).get("field").asString()).isEqualTo("reason");
        assertThat(body(refused).get("status").asString()).isEqualTo("REFUSED");
        assertThat(body(refused).get("reason").asString()).isEqualTo("Вне зоны обслуживания");
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(problem(twice)).isEqualTo("already-decided");
        assertThat(body(getAs(a[1], "/api/v1/clinics/" + a[0] + "/attachments?status=REFUSED"))
                        .size())
                .isEqualTo(1);
    }

    @Test
    void aPatientAnswersARefusalOnceAndTheClinicsSecondRefusalIsFinal() throws Exception {
        String[] a = clinicWithAdmin("Поликлиника Е");
        String patient = patient();
        String other = patient();
        String request = request(patient, a[0], "GENERAL");
        postAs(a[1], "/api/v1/attachments/" + request + "/refuse", Map.of("reason", "Вне зоны обслуживания"));
        String path = "/api/v1/attachments/" + request + "/appeal";

        assertThat(postAs(other, path, Map.of("text", "Чужой ответ")).statusCode())
                .isEqualTo(404);
        assertThat(postAs(a[1], path, Map.of("text", "Клиника за пациента")).statusCode())
                .isIn(403, 404);
        var blank = postAs(patient, path, Map.of("text", "  "));
        assertThat(blank.statusCode()).isEqualTo(422);
        assertThat(body(blank).get("field").asString()).isEqualTo("text");
        var tooLong = postAs(patient, path, Map.of("text", "я".repeat(2001)));
        assertThat(tooLong.statusCode()).isEqualTo(422);

        // Two answers sent at once: exactly one is taken.
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        var start = new java.util.concurrent.CountDownLatch(1);
        var answers = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
        for (int i = 0; i < 2; i++) {
            String text = "Я живу на участке клиники, ответ " + i;
            answers.add(pool.submit(() -> {
                start.await();
                return postAs(patient, path, Map.of("text", text)).statusCode();
            }));
        }
        start.countDown();
        var codes = new java.util.ArrayList<Integer>();
        for (var answer : answers) {
            codes.add(answer.get());
        }
        pool.shutdown();
        assertThat(codes).containsExactlyInAnyOrder(200, 409);

        var mine = body(getAs(patient, "/api/v1/attachments")).get(0);
        assertThat(mine.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(mine.get("appealedReason").asString()).isEqualTo("Вне зоны обслуживания");
        assertThat(mine.get("appeal").asString()).startsWith("Я живу на участке клиники");
        assertThat(mine.get("reason").isNull()).isTrue();
        // The clinic sees the request again, with the answer beside the refusal it answers.
        var queue = body(getAs(a[1], "/api/v1/clinics/" + a[0] + "/attachments?status=REQUESTED"));
        assertThat(queue.toString()).contains("Я живу на участке клиники");

        var again = postAs(a[1], "/api/v1/attachments/" + request + "/refuse", Map.of("reason", "Участок другой"));
        assertThat(body(again).get("status").asString()).isEqualTo("REFUSED");
        var second = postAs(patient, path, Map.of("text", "Ещё раз"));
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(problem(second)).isEqualTo("already-appealed");

        // A confirmed request cannot be answered; a newer request for the same clinic blocks an answer.
        String confirmed = request(patient, a[0], "DENTAL");
        postAs(a[1], "/api/v1/attachments/" + confirmed + "/confirm", Map.of());
        assertThat(problem(postAs(patient, "/api/v1/attachments/" + confirmed + "/appeal", Map.of("text", "x"))))
                .isEqualTo("already-decided");
        String womens = request(patient, a[0], "WOMENS");
        postAs(a[1], "/api/v1/attachments/" + womens + "/refuse", Map.of("reason", "Нет врача"));
        request(patient, a[0], "WOMENS");
        assertThat(problem(postAs(patient, "/api/v1/attachments/" + womens + "/appeal", Map.of("text", "x"))))
                .isEqualTo("attachment-pending");
    }

    @Test
    void aPendingOrActiveAttachmentIsNotRequestedTwice() {
        String[] a = clinicWithAdmin("Поликлиника Д");
        String patient = patient();
        String request = request(patient, a[0], "GENERAL");

        var pending = postAs(patient, "/api/v1/clinics/" + a[0] + "/attachments", Map.of("kind", "GENERAL"));
        postAs(a[1], "/api/v1/attachments/" + request + "/confirm", Map.of());
        var active = postAs(patient, "/api/v1/clinics/" + a[0] + "/attachments", Map.of("kind", "GENERAL"));
        var unknownKind = postAs(patient, "/api/v1/clinics/" + a[0] + "/attachments", Map.of("kind", "SPA"));

        assertThat(problem(pending)).isEqualTo("attachment-pending");
        assertThat(problem(active)).isEqualTo("already-attached");
        assertThat(unknownKind.statusCode()).isEqualTo(422);
        assertThat(body(unknownKind).get("field").asString()).isEqualTo("kind");
    }

    private String request(String patient, String clinic, String kind) {
        var requested = postAs(patient, "/api/v1/clinics/" + clinic + "/attachments", Map.of("kind", kind));
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(201);
        assertThat(body(requested).get("status").asString()).isEqualTo("REQUESTED");
        return body(requested).get("id").asString();
    }

    private String statusOf(String patient, String attachment) {
        for (var row : body(getAs(patient, "/api/v1/attachments"))) {
            if (row.get("id").asString().equals(attachment)) {
                return row.get("status").asString();
            }
        }
        throw new AssertionError("No attachment " + attachment);
    }
}
