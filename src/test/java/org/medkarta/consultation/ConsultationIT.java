package org.medkarta.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The request's life by the clock (SPEC D1–D3, D7, D8; seed 004): opened by a telemedicine booking,
 * "Take into work" from 15 minutes before the start by the appointment's doctor only, overdue when
 * not taken by the start, the protocol with the primary-consultation rule, immutable after sending,
 * addenda, the PDF read back with its Cyrillic text, and 404 for everyone else.
 */
class ConsultationIT extends ConsultationSupport {

    @Autowired
    ConsultationEventsForTests events;

    @Test
    void aTelemedicineBookingOpensARequestCarryingTheComplaintAndChannel() {
        var clinic = clinic();
        var doctor = doctor(clinic, "therapist", "PRIMARY");
        var patient = patient("Пациентов");
        var slot = freeSlots(doctor, doctor.services().get(0)).get(0);

        var opened = bookAndOpen(patient, slot, "Болит голова третий день");

        assertThat(opened.get("state").asString()).isEqualTo("NEW");
        assertThat(opened.get("channel").asString()).isEqualTo("VIDEO");
        assertThat(opened.get("kind").asString()).isEqualTo("PRIMARY");
        assertThat(opened.get("doctorId").asString()).isEqualTo(doctor.id());
        var detail = body(getAs(
                patient.token(), "/api/v1/consultations/" + opened.get("id").asString()));
        assertThat(detail.get("complaints").asString()).isEqualTo("Болит голова третий день");
        assertThat(detail.get("patientName").asString()).isEqualTo("Пациентов Пётр Ильич");
        assertThat(ids(getAs(doctor.token(), "/api/v1/consultations?state=NEW")))
                .contains(opened.get("id").asString());

        var described = putAs(
                patient.token(),
                "/api/v1/consultations/" + opened.get("id").asString() + "/request",
                map(
                        "question",
                        "Нужно ли обследование?",
                        "anamnesis",
                        "Гипертония 5 лет",
                        "complaints",
                        "Головная боль"));
        assertThat(described.statusCode()).as(described.body()).isEqualTo(200);
        assertThat(body(described).get("question").asString()).isEqualTo("Нужно ли обследование?");
        var tooLong = putAs(
                patient.token(),
                "/api/v1/consultations/" + opened.get("id").asString() + "/request",
                map("question", "х".repeat(4001)));
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(body(tooLong).get("field").asString()).isEqualTo("question");
        assertThat(events.of(ConsultationOpened.class))
                .anySatisfy(e -> assertThat(e.consultationId().toString())
                        .isEqualTo(opened.get("id").asString()));
    }

    @Test
    void takeIntoWorkOpensFifteenMinutesBeforeTheStartForTheAppointmentsDoctorOnly() {
        var clinic = clinic();
        var doctor = doctor(clinic, "therapist", "PRIMARY");
        var otherDoctor = doctor(clinic, "therapist", "PRIMARY");
        var patient = patient("Пациентов");
        var stranger = patient("Чужой");
        var c = bookAndOpen(patient, freeSlots(doctor, doctor.services().get(0)).get(0), null);
        String id = c.get("id").asString();
        String take = "/api/v1/consultations/" + id + "/take";

        clock.freezeAt(start(c).minus(Duration.ofMinutes(16)));
        var early = postAs(doctor.token(), take, map());
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(problem(early)).isEqualTo("too-early");
        assertThat(body(early).get("minutesBefore").asInt()).isEqualTo(15);

        clock.freezeAt(start(c).minus(Duration.ofMinutes(15)));
        assertThat(postAs(patient.token(), take, map()).statusCode()).isEqualTo(403);
        // Another doctor or another patient: the consultation does not exist for them.
        assertThat(postAs(otherDoctor.token(), take, map()).statusCode()).isEqualTo(404);
        var hidden = getAs(stranger.token(), "/api/v1/consultations/" + id);
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(problem(hidden)).isEqualTo("not-found");
        assertThat(getAs(otherDoctor.token(), "/api/v1/consultations/" + id + "/protocol.pdf")
                        .statusCode())
                .isEqualTo(404);
        assertThat(ids(getAs(stranger.token(), "/api/v1/consultations"))).doesNotContain(id);
        assertThat(ids(getAs(otherDoctor.token(), "/api/v1/consultations"))).doesNotContain(id);

        var taken = postAs(doctor.token(), take, map());
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
        assertThat(body(taken).get("state").asString()).isEqualTo("IN_WORK");
        var twice = postAs(doctor.token(), take, map());
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(problem(twice)).isEqualTo("consultation-not-new");
        assertThat(ids(getAs(doctor.token(), "/api/v1/consultations?state=IN_WORK")))
                .contains(id);
        assertThat(ids(getAs(patient.token(), "/api/v1/consultations?state=IN_WORK")))
                .contains(id);
        assertThat(events.of(ConsultationTaken.class))
                .anySatisfy(e -> assertThat(e.consultationId().toString()).isEqualTo(id));
    }

    @Test
    void aRequestNotTakenByItsStartIsOverdueApartFromNewAndCanStillBeTaken() {
        var clinic = clinic();
        var doctor = doctor(clinic, "therapist", "PRIMARY");
        var patient = patient("Опоздалов");
        var slots = freeSlots(doctor, doctor.services().get(0));
        var first = bookAndOpen(patient, slots.get(0), null);
        var later = bookAndOpen(patient, slots.get(4), null);

        clock.freezeAt(start(first).minusSeconds(1));
        assertThat(ids(getAs(doctor.token(), "/api/v1/consultations?state=NEW")))
                .contains(first.get("id").asString(), later.get("id").asString());
        clock.freezeAt(start(first).plusSeconds(60));
        String token = doctor.token();
        assertThat(ids(getAs(token, "/api/v1/consultations?state=OVERDUE")))
                .containsExactly(first.get("id").asString());
        assertThat(ids(getAs(token, "/api/v1/consultations?state=NEW")))
                .containsExactly(later.get("id").asString());
        var counts = consultationDesk.counts(doctor.user(), DeskFilter.NONE);
        assertThat(counts.get(ConsultationState.OVERDUE)).isEqualTo(1);
        assertThat(counts.get(ConsultationState.NEW)).isEqualTo(1);
        var filtered = consultationDesk.desk(
                doctor.user(),
                ConsultationState.NEW,
                new DeskFilter(LocalDate.ofInstant(start(later), clinic.zone()), Channel.VIDEO, "опоздал"));
        assertThat(filtered)
                .extracting(v -> v.id().toString())
                .containsExactly(later.get("id").asString());
        assertThat(consultationDesk.desk(
                        doctor.user(), ConsultationState.NEW, new DeskFilter(null, Channel.CHAT, null)))
                .isEmpty();
        assertThat(consultationDesk.desk(doctor.user(), ConsultationState.NEW, new DeskFilter(null, null, "Иванов")))
                .isEmpty();
        var wrong = getAs(token, "/api/v1/consultations?state=LOST");
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(body(wrong).get("field").asString()).isEqualTo("state");

        var taken = postAs(token, "/api/v1/consultations/" + first.get("id").asString() + "/take", map());
        assertThat(taken.statusCode()).as(taken.body()).isEqualTo(200);
    }

    @Test
    void aPrimaryConsultationRecordsNoDiagnosisAndTheSentProtocolIsImmutableWithAddendaAndAPdf() throws Exception {
        var clinic = clinic();
        var doctor = doctor(clinic, "therapist", "PRIMARY");
        var patient = patient("Протоколов");
        var c = bookAndOpen(patient, freeSlots(doctor, doctor.services().get(0)).get(0), "Давление 160/100");
        String base = "/api/v1/consultations/" + c.get("id").asString();
        clock.freezeAt(start(c).minus(Duration.ofMinutes(5)));
        var early = postAs(doctor.token(), base + "/protocol", map("recommendations", "Контроль давления"));
        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(problem(early)).isEqualTo("consultation-not-in-work");
        assertThat(postAs(doctor.token(), base + "/take", map()).statusCode()).isEqualTo(200);

        var withDiagnosis = postAs(
                doctor.token(),
                base + "/protocol",
                map("recommendations", "Контроль давления", "diagnoses", List.of("I10")));
        assertThat(withDiagnosis.statusCode()).isEqualTo(422);
        assertThat(problem(withDiagnosis)).isEqualTo("invalid-input");
        assertThat(body(withDiagnosis).get("field").asString()).isEqualTo("diagnoses");
        var empty = postAs(doctor.token(), base + "/protocol", map("anamnesis", "Жалобы на головную боль"));
        assertThat(empty.statusCode()).isEqualTo(422);
        assertThat(body(empty).get("field").asString()).isEqualTo("recommendations");
        assertThat(postAs(patient.token(), base + "/protocol", map("recommendations", "x"))
                        .statusCode())
                .isEqualTo(403);

        var sent = postAs(
                doctor.token(),
                base + "/protocol",
                map(
                        "anamnesis",
                        "Повышение давления до 160/100 в течение недели",
                        "recommendations",
                        "Измерять давление утром и вечером, вести дневник",
                        "additionalRecommendations",
                        "Очный приём кардиолога"));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        assertThat(ids(getAs(doctor.token(), "/api/v1/consultations?state=CLOSED")))
                .contains(c.get("id").asString());
        var again = postAs(doctor.token(), base + "/protocol", map("recommendations", "Другое"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(problem(again)).isEqualTo("protocol-already-sent");
        var addendum = postAs(doctor.token(), base + "/addenda", map("text", "Результаты ЭКГ без патологии"));
        assertThat(addendum.statusCode()).as(addendum.body()).isEqualTo(201);
        assertThat(body(addendum).get("recommendations").asString())
                .isEqualTo("Измерять давление утром и вечером, вести дневник");
        assertThat(body(addendum).get("addenda").get(0).get("text").asString())
                .isEqualTo("Результаты ЭКГ без патологии");
        assertThat(postAs(doctor.token(), base + "/addenda", map("text", " ")).statusCode())
                .isEqualTo(422);

        var pdf = getBytes(patient.token(), base + "/protocol.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        try (var document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("Протокол телемедицинской консультации")
                    .contains(clinics.catalogue().card(clinic.id()).name())
                    .contains("Врачев Иван Сергеевич")
                    .contains("Протоколов Пётр Ильич")
                    .contains("Измерять давление утром и вечером, вести дневник")
                    .contains("Очный приём кардиолога")
                    .contains("Не устанавливались")
                    .contains("Результаты ЭКГ без патологии")
                    .contains(java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")
                            .format(start(c).atZone(clinic.zone())));
        }
        assertThat(events.of(ProtocolSent.class)).anySatisfy(e -> {
            assertThat(e.consultationId().toString()).isEqualTo(c.get("id").asString());
            assertThat(e.recommendations()).isEqualTo("Измерять давление утром и вечером, вести дневник");
            assertThat(e.diagnoses()).isEmpty();
        });
        assertThat(events.of(ConsultationClosed.class))
                .anySatisfy(e -> assertThat(e.consultationId().toString())
                        .isEqualTo(c.get("id").asString()));
        // The record module files the protocol, after the commit, as an exam protocol the patient sees.
        String record = "/api/v1/patients/" + patient.id() + "/record?type=EXAM_PROTOCOL";
        long until = System.currentTimeMillis() + 15_000;
        var entries = body(getAs(patient.token(), record)).get("entries");
        while (entries.isEmpty() && System.currentTimeMillis() < until) {
            Thread.sleep(100);
            entries = body(getAs(patient.token(), record)).get("entries");
        }
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("date").asString())
                .isEqualTo(clock.instant().atZone(clinic.zone()).toLocalDate().toString());
    }

    @Test
    void aRepeatConsultationRecordsDiagnosesFromIcd10WithCodesInThePdf() throws Exception {
        var clinic = clinic();
        var doctor = doctor(clinic, "therapist", "REPEAT");
        var patient = patient("Повторов");
        var c = bookAndOpen(patient, freeSlots(doctor, doctor.services().get(0)).get(0), null);
        String base = "/api/v1/consultations/" + c.get("id").asString();
        clock.freezeAt(start(c));
        assertThat(postAs(doctor.token(), base + "/take", map()).statusCode()).isEqualTo(200);

        var unknown = postAs(
                doctor.token(),
                base + "/protocol",
                map("recommendations", "Терапия", "diagnoses", List.of("I10", "Q99.99")));
        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(body(unknown).get("field").asString()).isEqualTo("diagnoses");
        var block = postAs(
                doctor.token(), base + "/protocol", map("recommendations", "Терапия", "diagnoses", List.of("I10-I15")));
        assertThat(block.statusCode()).isEqualTo(422);

        var sent = postAs(
                doctor.token(),
                base + "/protocol",
                map("recommendations", "Продолжить терапию", "diagnoses", List.of("I10", "E11.9")));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        assertThat(body(sent).get("diagnoses").get(0).get("name").asString())
                .isEqualTo("Эссенциальная [первичная] гипертензия");
        try (var document =
                Loader.loadPDF(getBytes(doctor.token(), base + "/protocol.pdf").body())) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("I10 Эссенциальная [первичная] гипертензия")
                    .contains("E11.9");
        }
        assertThat(events.of(ProtocolSent.class))
                .anySatisfy(e ->
                        assertThat(e.diagnoses()).extracting(Diagnosis::code).containsExactly("I10", "E11.9"));
    }

    @Test
    void aCancelledAppointmentTakesItsRequestOffTheDesk() {
        var clinic = clinic();
        var doctor = doctor(clinic, "therapist", "PRIMARY");
        var patient = patient("Отменов");
        var c = bookAndOpen(patient, freeSlots(doctor, doctor.services().get(0)).get(3), null);
        var cancelled = postAs(
                patient.token(),
                "/api/v1/appointments/" + c.get("appointmentId").asString() + "/cancel",
                map());
        assertThat(cancelled.statusCode()).isEqualTo(200);
        long until = System.nanoTime() + 10_000_000_000L;
        while (ids(getAs(doctor.token(), "/api/v1/consultations?state=NEW"))
                        .contains(c.get("id").asString())
                && System.nanoTime() < until) {
            Thread.onSpinWait();
        }
        assertThat(ids(getAs(doctor.token(), "/api/v1/consultations")))
                .doesNotContain(c.get("id").asString());
        var take = postAs(doctor.token(), "/api/v1/consultations/" + c.get("id").asString() + "/take", map());
        assertThat(problem(take)).isEqualTo("consultation-cancelled");
    }

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

    @Test
    void takingIntoWorkOpensTheRoomForPatientAndDoctorAndSendingTheProtocolClosesIt() {
        var clinic = clinic();
        var doctor = doctor(clinic, "therapist", "PRIMARY");
        var patient = patient("Комнатов");
        var stranger = patient("Посторонний");
        var c = bookAndOpen(patient, freeSlots(doctor, doctor.services().get(0)).get(0), null);
        var id = java.util.UUID.fromString(c.get("id").asString());
        String base = "/api/v1/consultations/" + id;
        assertThat(consultationRequests.room(patient.user(), id)).isEmpty();
        clock.freezeAt(start(c).minus(Duration.ofMinutes(5)));
        assertThat(postAs(doctor.token(), base + "/take", map()).statusCode()).isEqualTo(200);
        assertThat(consultationRequests.room(patient.user(), id)).hasValueSatisfying(room -> {
            assertThat(room.open()).isTrue();
            assertThat(room.members())
                    .extracting(m -> m.userId())
                    .containsExactlyInAnyOrder(
                            patient.user().userId(), doctor.user().userId());
        });
        var sent = postAs(patient.token(), base + "/messages", map("text", "Здравствуйте, доктор"));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        assertThat(postAs(stranger.token(), base + "/messages", map("text", "Я тут"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(postAs(doctor.token(), base + "/protocol", map("recommendations", "Покой"))
                        .statusCode())
                .isEqualTo(201);
        assertThat(consultationRequests.room(doctor.user(), id))
                .hasValueSatisfying(room -> assertThat(room.open()).isFalse());
        var history = getAs(doctor.token(), base + "/messages");
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(body(history).get(0).get("text").asString()).isEqualTo("Здравствуйте, доктор");
    }
}
