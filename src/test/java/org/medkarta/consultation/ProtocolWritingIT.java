package org.medkarta.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The protocol (SPEC D7, D8; seed 004): the primary-consultation rule, ICD-10 diagnoses, immutable
 * after sending, addenda, and the PDF read back with its Cyrillic text.
 */
class ProtocolWritingIT extends ConsultationSupport {

    @Autowired
    ConsultationEventsForTests events;

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
}
