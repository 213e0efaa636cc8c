package org.medkarta.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The printable appointment slip (issue 23) through the API, read back from the PDF. */
class SlipsIT extends SchedulingSupport {

    @Test
    void theSlipShowsTimeDoctorClinicAddressAndWhatToBringToItsPatientAndTheClinicsStaffAlone() throws IOException {
        var clinic = clinic("Asia/Yekaterinburg");
        var doctor = doctor(clinic, "therapist", "REGION");
        var patient = patient();
        activeTemplate(clinic, doctor, "09:00", "10:30");
        var slot = freeSlots(patient.token(), doctor).get(0);
        var booked = book(patient, slot.get("id").asString(), true);
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        String appointment = body(booked).get("id").asString();
        String path = "/api/v1/appointments/" + appointment + "/slip";
        String localTime = DateTimeFormatter.ofPattern("HH:mm")
                .format(Instant.parse(slot.get("start").asString()).atZone(clinic.zone()));

        var pdf = getBytes(patient.token(), path);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));
        String text = text(pdf);
        assertThat(text)
                .contains(doctor.view().fullName())
                .contains(localTime)
                .contains("Москва, ул. Тестовая, 1")
                .contains("Пациентов Пётр")
                .contains("ОМС")
                .contains("Паспорт")
                .contains(AppointmentSlip.numberOf(java.util.UUID.fromString(appointment)))
                .doesNotContain("Направление");

        // The doctor of the appointment is the clinic's staff.
        assertThat(getBytes(doctor.token(), path).statusCode()).isEqualTo(200);

        // Another patient and staff of another clinic learn nothing, not even that it exists.
        var elsewhere = clinic("Europe/Moscow");
        for (String token : java.util.List.of(
                patient().token(), doctor(elsewhere, "therapist", "REGION").token())) {
            var refused = getAs(token, path);
            assertThat(refused.statusCode()).isEqualTo(404);
            assertThat(refused.body())
                    .doesNotContain("Пациентов")
                    .doesNotContain(doctor.view().lastName());
        }
        assertThat(getAs(patient.token(), "/api/v1/appointments/" + java.util.UUID.randomUUID() + "/slip")
                        .statusCode())
                .isEqualTo(404);
        assertThat(get(path, "Accept", "application/json").statusCode()).isEqualTo(401);
    }

    @Test
    void aReferralServicesSlipAsksForTheReferralAndACancelledAppointmentHasNoSlip() throws IOException {
        var clinic = clinic("Europe/Moscow");
        var cardiologist = doctor(clinic, "cardiologist", "REFERRAL");
        var patient = patient();
        activeTemplate(clinic, cardiologist, "09:00", "10:30");
        patientReferrals.issueReferral(
                patient.account().patientId(),
                "cardiologist",
                null,
                clock.instant().plus(java.time.Duration.ofDays(30)),
                cardiologist.view().userId());
        var slot = freeSlots(patient.token(), cardiologist).get(0);
        String appointment =
                body(book(patient, slot.get("id").asString(), true)).get("id").asString();
        String path = "/api/v1/appointments/" + appointment + "/slip";
        assertThat(text(getBytes(patient.token(), path))).contains("Направление");

        var cancelled = postAs(patient.token(), "/api/v1/appointments/" + appointment + "/cancel", map());
        assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(200);
        var refused = getAs(patient.token(), path);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(problem(refused)).isEqualTo("appointment-cancelled");
        assertThat(getAs(patient().token(), path).statusCode())
                .as("another patient learns nothing, not even that it was cancelled")
                .isEqualTo(404);
    }

    @Test
    void aMalformedIdIsRefusedAsInvalidInput() {
        var refused = getAs(patient().token(), "/api/v1/appointments/not-an-id/slip");
        assertThat(refused.statusCode()).isIn(400, 422);
        assertThat(refused.body()).contains("id");
    }

    private static String text(HttpResponse<byte[]> pdf) throws IOException {
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (var document = Loader.loadPDF(pdf.body())) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
