package org.medkarta.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medkarta.files.Samples;

/** Patient uploads (SPEC E5): the type from the content, 5 MB, and the verification of vaccinations. */
class RecordUploadsIT extends RecordSupport {

    private static final int FIVE_MB = 5 * 1024 * 1024;

    private HttpResponse<String> upload(Person patient, Map<String, String> fields, String name, byte[] content) {
        return multipart(patient.token(), "/api/v1/patients/" + patient.id() + "/documents", fields, name, content);
    }

    private static byte[] pdfOf(int size) {
        byte[] pdf = Samples.pdf();
        byte[] padded = Arrays.copyOf(pdf, size);
        Arrays.fill(padded, pdf.length, size, (byte) ' ');
        return padded;
    }

    @Test
    void aDocumentIsStoredByItsContentAndFiledAtOnce() {
        var patient = patient();
        var created = upload(patient, Map.of("kind", "DOCUMENT", "title", "Выписка"), "scan.png", Samples.png());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var upload = body(created);
        assertThat(upload.get("state").asString()).isEqualTo("FILED");
        assertThat(upload.get("mediaType").asString()).isEqualTo("image/png");
        assertThat(upload.get("entryId").isNull()).isFalse();

        var file = send(authorised(
                        patient.token(),
                        "/api/v1/patients/" + patient.id() + "/documents/"
                                + upload.get("id").asString() + "/content")
                .GET()
                .build());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("image/png");

        var stranger = patient();
        assertThat(send(authorised(
                                        stranger.token(),
                                        "/api/v1/patients/" + patient.id() + "/documents/"
                                                + upload.get("id").asString() + "/content")
                                .GET()
                                .build())
                        .statusCode())
                .isEqualTo(404);
        assertThat(upload(stranger, Map.of("title", "x"), "a.png", Samples.png())
                        .statusCode())
                .isEqualTo(201);
        assertThat(multipart(
                                stranger.token(),
                                "/api/v1/patients/" + patient.id() + "/documents",
                                Map.of("title", "x"),
                                "a.png",
                                Samples.png())
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void fiveMegabytesAreAcceptedAndOneByteMoreIsRefusedBesideTheFile() {
        var patient = patient();
        assertThat(upload(patient, Map.of("title", "Ровно 5 МБ"), "big.pdf", pdfOf(FIVE_MB))
                        .statusCode())
                .isEqualTo(201);
        var tooBig = upload(patient, Map.of("title", "5 МБ и байт"), "big.pdf", pdfOf(FIVE_MB + 1));
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(problem(tooBig)).isEqualTo("payload-too-large");
        assertThat(body(tooBig).get("field").asString()).isEqualTo("file");
    }

    @Test
    void aProgramRenamedToPdfIsRefusedByItsContent() {
        var patient = patient();
        var refused = upload(patient, Map.of("title", "Анализы"), "analyses.pdf", Samples.windowsExecutable());
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(body(refused).get("field").asString()).isEqualTo("file");
        var noFile = upload(patient, Map.of("title", "Пусто"), null, null);
        assertThat(noFile.statusCode()).isEqualTo(422);
        assertThat(body(noFile).get("field").asString()).isEqualTo("file");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM record_upload WHERE patient_id = :p")
                        .param("p", patient.patientId().value())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anUploadedVaccinationEntersTheRecordOnlyWhenADoctorVerifiesIt() {
        var patient = patient();
        var doctor = doctor(patient);
        var otherDoctor = doctor();
        var incomplete = upload(patient, Map.of("kind", "VACCINATION"), "cert.pdf", Samples.pdf());
        assertThat(incomplete.statusCode()).isEqualTo(422);
        assertThat(body(incomplete)
                        .get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString()))
                .contains("vaccine", "date");

        var created = upload(
                patient,
                Map.of("kind", "VACCINATION", "vaccine", "Гам-КОВИД-Вак", "date", "2021-06-01", "series", "II-123"),
                "cert.pdf",
                Samples.pdf());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String upload = body(created).get("id").asString();
        assertThat(body(created).get("state").asString()).isEqualTo("PENDING");
        assertThat(vaccinations(doctor, patient)).isZero();

        var queue = body(getAs(doctor.token(), "/api/v1/verification-queue"));
        assertThat(queue.valueStream().map(u -> u.get("id").asString())).containsExactly(upload);
        assertThat(body(getAs(otherDoctor.token(), "/api/v1/verification-queue")))
                .isEmpty();
        assertThat(getAs(patient.token(), "/api/v1/verification-queue").statusCode())
                .isEqualTo(404);

        String verify = "/api/v1/patients/" + patient.id() + "/documents/" + upload + "/verify";
        assertThat(postAs(otherDoctor.token(), verify, map()).statusCode()).isEqualTo(404);
        assertThat(postAs(patient.token(), verify, map()).statusCode()).isIn(403, 404);

        var verified = postAs(doctor.token(), verify, map());
        assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
        assertThat(vaccinations(doctor, patient)).isEqualTo(1);
        var again = postAs(doctor.token(), verify, map());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(problem(again)).isEqualTo("upload-decided");

        var mine = body(getAs(patient.token(), "/api/v1/patients/" + patient.id() + "/documents"));
        assertThat(mine.get(0).get("state").asString()).isEqualTo("VERIFIED");
        assertThat(body(getAs(doctor.token(), "/api/v1/verification-queue"))).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification_notice WHERE user_id = :u AND link LIKE '%/uploads'")
                        .param("u", patient.user().userId().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aRejectionNeedsAReasonThePatientReads() {
        var patient = patient();
        var doctor = doctor(patient);
        var created = upload(
                patient,
                Map.of("kind", "VACCINATION", "vaccine", "АДС-М", "date", "2020-02-02"),
                "c.jpg",
                Samples.jpeg());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String reject = "/api/v1/patients/" + patient.id() + "/documents/"
                + body(created).get("id").asString() + "/reject";
        var noReason = postAs(doctor.token(), reject, map("reason", " "));
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(body(noReason).get("field").asString()).isEqualTo("reason");
        assertThat(postAs(doctor.token(), reject, map("reason", "Справка нечитаема"))
                        .statusCode())
                .isEqualTo(200);
        var mine = body(getAs(patient.token(), "/api/v1/patients/" + patient.id() + "/documents"));
        assertThat(mine.get(0).get("state").asString()).isEqualTo("REJECTED");
        assertThat(mine.get(0).get("reason").asString()).isEqualTo("Справка нечитаема");
        assertThat(vaccinations(doctor, patient)).isZero();
        assertThat(UUID.fromString(body(created).get("id").asString())).isNotNull();
    }

    private long vaccinations(Person doctor, Person patient) {
        var record = body(getAs(doctor.token(), "/api/v1/patients/" + patient.id() + "/record?type=VACCINATION"));
        return record.get("entries").size();
    }
}
