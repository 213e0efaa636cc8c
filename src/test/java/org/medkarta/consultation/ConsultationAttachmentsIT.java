package org.medkarta.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The request's files (SPEC D1, D7): checked by their content and size, read by the participants only. */
class ConsultationAttachmentsIT extends ConsultationSupport {

    @Test
    void requestFilesAreCheckedByTheirContentAndOnlyParticipantsReadThem() {
        var clinic = clinic();
        var doctor = doctor(clinic, "therapist", "PRIMARY");
        var patient = patient("Файлов");
        var stranger = patient("Посторонний");
        var c = bookAndOpen(patient, freeSlots(doctor, doctor.services().get(0)).get(0), null);
        String base = "/api/v1/consultations/" + c.get("id").asString();
        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        var attached = upload(patient.token(), base + "/attachments", "анализы.pdf", pdf);
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
        assertThat(body(attached).get("mediaType").asString()).isEqualTo("application/pdf");
        byte[] exe = new byte[2048];
        exe[0] = 'M';
        exe[1] = 'Z';
        var renamed = upload(patient.token(), base + "/attachments", "результат.pdf", exe);
        assertThat(renamed.statusCode()).isEqualTo(422);
        assertThat(body(renamed).get("field").asString()).isEqualTo("file");
        var tooBig = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(pdf, 0, tooBig, 0, pdf.length);
        var big = upload(patient.token(), base + "/attachments", "big.pdf", tooBig);
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(body(big).get("field").asString()).isEqualTo("file");
        assertThat(upload(stranger.token(), base + "/attachments", "x.pdf", pdf).statusCode())
                .isEqualTo(404);

        var listed = getAs(doctor.token(), base + "/files");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(body(listed)).hasSize(1);
        assertThat(body(listed).get(0).get("name").asString()).isEqualTo("анализы.pdf");
        assertThat(getAs(stranger.token(), base + "/files").statusCode()).isEqualTo(404);
    }

    private java.net.http.HttpResponse<String> upload(String token, String path, String name, byte[] content) {
        String boundary = "b" + java.util.UUID.randomUUID();
        var out = new java.io.ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                        + "\"\r\nContent-Type: application/pdf\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return send(request(path)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
                .build());
    }
}
