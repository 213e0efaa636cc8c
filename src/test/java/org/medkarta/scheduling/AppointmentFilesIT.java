package org.medkarta.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.medkarta.files.Samples;

/** Files attached to an appointment after booking it (issue 23, seed 001: «Прикрепить файл»). */
class AppointmentFilesIT extends SchedulingSupport {

    @Test
    void thePatientAttachesAReferralScanTheDoctorReadsItAndNobodyElseSeesIt() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        var patient = patient();
        activeTemplate(clinic, doctor, "09:00", "10:30");
        var slot = freeSlots(patient.token(), doctor).get(0);
        String appointment =
                body(book(patient, slot.get("id").asString(), true)).get("id").asString();
        String path = "/api/v1/appointments/" + appointment + "/files";

        var none = multipart(patient.token(), path, Map.of(), null, null);
        assertThat(none.statusCode()).isEqualTo(422);
        assertThat(body(none).get("field").asString()).isEqualTo("file");
        var program = multipart(patient.token(), path, Map.of(), "setup.exe", Samples.windowsExecutable());
        assertThat(program.statusCode()).isEqualTo(422);
        assertThat(body(program).get("field").asString()).isEqualTo("file");

        var attached = multipart(patient.token(), path, Map.of(), "направление.pdf", Samples.pdf());
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
        String file = body(attached).get("fileId").asString();
        assertThat(body(attached).get("mediaType").asString()).isEqualTo("application/pdf");
        assertThat(body(attached).get("name").asString()).isEqualTo("направление.pdf");

        // The doctor of the appointment reads the list and the bytes.
        var list = body(getAs(doctor.token(), path));
        assertThat(list).hasSize(1);
        var bytes = getBytes(doctor.token(), path + "/" + file);
        assertThat(bytes.statusCode()).isEqualTo(200);
        assertThat(bytes.body()).isEqualTo(Samples.pdf());

        // Another patient and a doctor of another clinic learn nothing, not even that it exists.
        var elsewhere = clinic("Europe/Moscow");
        for (String token : List.of(
                patient().token(), doctor(elsewhere, "therapist", "REGION").token())) {
            assertThat(getAs(token, path).statusCode()).isEqualTo(404);
            assertThat(getBytes(token, path + "/" + file).statusCode()).isEqualTo(404);
            assertThat(multipart(token, path, Map.of(), "чужое.pdf", Samples.pdf())
                            .statusCode())
                    .isEqualTo(404);
        }
        // A file of another appointment is not this one's.
        var otherSlot = freeSlots(patient.token(), doctor).get(2);
        String other = body(book(patient, otherSlot.get("id").asString(), true))
                .get("id")
                .asString();
        assertThat(getBytes(patient.token(), "/api/v1/appointments/" + other + "/files/" + file)
                        .statusCode())
                .isEqualTo(404);
        assertThat(get(path, "Accept", "application/json").statusCode()).isEqualTo(401);

        // Once the visit has begun, nothing more is attached; what was attached stays readable.
        clock.freezeAt(Instant.parse(slot.get("start").asString()).plus(Duration.ofMinutes(1)));
        var late = multipart(signedInAgain(patient).token(), path, Map.of(), "поздно.pdf", Samples.pdf());
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(problem(late)).isEqualTo("already-started");
        assertThat(body(getAs(signedInAgain(patient).token(), path))).hasSize(1);
    }

    @Test
    void aCancelledAppointmentTakesNoFileAndTenIsTheMostEvenWhenSentAtOnce() throws Exception {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        var patient = patient();
        activeTemplate(clinic, doctor, "09:00", "10:30");
        var slots = freeSlots(patient.token(), doctor);
        String appointment = body(book(patient, slots.get(0).get("id").asString(), true))
                .get("id")
                .asString();
        String path = "/api/v1/appointments/" + appointment + "/files";

        var pool = Executors.newFixedThreadPool(4);
        var start = new CountDownLatch(1);
        var sent = new ArrayList<Future<Integer>>();
        for (int i = 0; i < 12; i++) {
            String name = "результат-" + i + ".png";
            sent.add(pool.submit(() -> {
                start.await();
                return multipart(patient.token(), path, Map.of(), name, Samples.png())
                        .statusCode();
            }));
        }
        start.countDown();
        var codes = new ArrayList<Integer>();
        for (var answer : sent) {
            codes.add(answer.get());
        }
        pool.shutdown();
        assertThat(codes.stream().filter(code -> code == 201)).hasSize(AppointmentFiles.MAX_FILES);
        assertThat(codes.stream().filter(code -> code == 422)).hasSize(12 - AppointmentFiles.MAX_FILES);
        assertThat(body(getAs(patient.token(), path))).hasSize(AppointmentFiles.MAX_FILES);

        String cancelled = body(book(patient, slots.get(2).get("id").asString(), true))
                .get("id")
                .asString();
        assertThat(postAs(patient.token(), "/api/v1/appointments/" + cancelled + "/cancel", Map.of())
                        .statusCode())
                .isEqualTo(200);
        var refused = multipart(
                patient.token(), "/api/v1/appointments/" + cancelled + "/files", Map.of(), "a.pdf", Samples.pdf());
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(problem(refused)).isEqualTo("appointment-not-active");
    }
}
