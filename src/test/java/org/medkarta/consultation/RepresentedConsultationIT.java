package org.medkarta.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medkarta.notification.DevOutbox;
import org.medkarta.scheduling.AppointmentBooked;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.PatientId;
import org.medkarta.testing.Delegations;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The patient's side of a consultation (SPEC D1, D4, F1): a grantee with full control books for
 * the patient, sees the request on their desk, talks in its chat and downloads its protocol like
 * the patient, and stops the moment the grant is revoked; a grantee who may only view sees nothing.
 * A telemedicine booking answers with its request's id, whoever books, and the request is there at
 * once.
 */
class RepresentedConsultationIT extends ConsultationSupport {

    @Autowired
    DevOutbox outbox;

    @Test
    void aGranteeWithFullControlBooksTalksAndDownloadsTheProtocolUntilTheGrantIsRevoked() {
        var clinic = clinic();
        var doctor = doctor(clinic, "therapist", "PRIMARY");
        var patient = patient("Пациентов");
        var grantee = patient("Доверенный");
        var viewer = patient("Смотрящий");
        UUID grant = Delegations.grant(
                this, outbox, patient.holder(), patient.account().patientId(), grantee.holder(), "FULL");
        Delegations.grant(this, outbox, patient.holder(), patient.account().patientId(), viewer.holder(), "VIEW");
        var slot = freeSlots(doctor, doctor.services().get(0)).get(0);

        var booked = book(grantee.token(), slot, patient.id(), "Кашель и температура");
        String id = booked.get("consultationId").asString();
        String base = "/api/v1/consultations/" + id;
        var detail = getAs(grantee.token(), base);
        assertThat(detail.statusCode()).as(detail.body()).isEqualTo(200);
        assertThat(body(detail).get("appointmentId").asString())
                .isEqualTo(booked.get("id").asString());
        assertThat(ids(getAs(grantee.token(), "/api/v1/consultations"))).contains(id);
        assertThat(ids(getAs(patient.token(), "/api/v1/consultations"))).contains(id);
        assertThat(getAs(viewer.token(), base).statusCode()).isEqualTo(404);
        assertThat(ids(getAs(viewer.token(), "/api/v1/consultations"))).doesNotContain(id);

        clock.freezeAt(start(body(detail)).minus(Duration.ofMinutes(10)));
        assertThat(postAs(doctor.token(), base + "/take", map()).statusCode()).isEqualTo(200);
        var said = postAs(grantee.token(), base + "/messages", map("text", "Температура 38,2 с утра"));
        assertThat(said.statusCode()).as(said.body()).isEqualTo(201);
        assertThat(body(said).get("authorRole").asString()).isEqualTo("REPRESENTATIVE");
        assertThat(body(said).get("authorName").asString()).isEqualTo("Доверенный Пётр");
        var seen = getAs(patient.token(), base + "/messages");
        assertThat(seen.statusCode()).as(seen.body()).isEqualTo(200);
        assertThat(body(seen).get(0).get("text").asString()).isEqualTo("Температура 38,2 с утра");
        assertThat(getAs(viewer.token(), base + "/messages").statusCode()).isEqualTo(404);
        assertThat(postAs(viewer.token(), base + "/messages", map("text", "И я"))
                        .statusCode())
                .isEqualTo(404);

        var sent = postAs(doctor.token(), base + "/protocol", map("recommendations", "Обильное питьё, контроль"));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        var pdf = getBytes(grantee.token(), base + "/protocol.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");

        Delegations.revoke(this, outbox, patient.holder(), grant);

        assertThat(getAs(grantee.token(), base).statusCode()).isEqualTo(404);
        assertThat(getAs(grantee.token(), base + "/messages").statusCode()).isEqualTo(404);
        assertThat(getBytes(grantee.token(), base + "/protocol.pdf").statusCode())
                .isEqualTo(404);
        assertThat(ids(getAs(grantee.token(), "/api/v1/consultations"))).doesNotContain(id);
        assertThat(getAs(patient.token(), base + "/messages").statusCode()).isEqualTo(200);
    }

    @Test
    void everyTelemedicineBookingAnswersWithItsRequestWhichOpensOnce() {
        var clinic = clinic();
        var doctor = doctor(clinic, "therapist", "PRIMARY", "REPEAT");
        var patient = patient("Записанный");
        var slots = freeSlots(doctor, doctor.services().get(0));

        // The patient books: the request is there as the booking answers.
        var own = book(patient.token(), slots.get(0), null);
        var opened = getAs(
                patient.token(),
                "/api/v1/consultations/" + own.get("consultationId").asString());
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(200);
        assertThat(body(opened).get("appointmentId").asString())
                .isEqualTo(own.get("id").asString());

        // Staff (the doctor, on their own schedule) book for the patient.
        var byStaff = book(doctor.token(), slots.get(3), patient.id());
        assertThat(getAs(
                                patient.token(),
                                "/api/v1/consultations/"
                                        + byStaff.get("consultationId").asString())
                        .statusCode())
                .isEqualTo(200);

        // Routing from a consultation in work books a repeat consultation with its own request.
        String base = "/api/v1/consultations/" + own.get("consultationId").asString();
        clock.freezeAt(start(body(opened)));
        assertThat(postAs(doctor.token(), base + "/take", map()).statusCode()).isEqualTo(200);
        var repeat = freeSlots(doctor, doctor.services().get(1)).stream()
                .filter(s -> Instant.parse(s.get("start").asString()).isAfter(clock.instant()))
                .filter(s -> !s.get("start")
                        .asString()
                        .equals(body(opened).get("start").asString()))
                .toList()
                .get(6);
        var routed = postAs(
                doctor.token(),
                base + "/bookings",
                map(
                        "slotId",
                        repeat.get("id").asString(),
                        "serviceId",
                        repeat.get("serviceId").asString()));
        assertThat(routed.statusCode()).as(routed.body()).isEqualTo(201);
        String routedId = body(routed).get("consultationId").asString();
        assertThat(getAs(patient.token(), "/api/v1/consultations/" + routedId).statusCode())
                .isEqualTo(200);

        // The booking event handled again (a redelivery) opens nothing new.
        var detail = body(getAs(patient.token(), "/api/v1/consultations/" + routedId));
        var again = consultationRequests.open(new AppointmentBooked(
                UUID.fromString(body(routed).get("id").asString()),
                new PatientId(UUID.fromString(patient.id())),
                new DoctorId(UUID.fromString(doctor.id())),
                new ClinicId(clinic.id().value()),
                UUID.fromString(repeat.get("serviceId").asString()),
                Instant.parse(detail.get("start").asString()),
                Instant.parse(detail.get("end").asString()),
                clock.instant(),
                patient.user().userId(),
                doctor.user().userId(),
                null));
        assertThat(again).map(ConsultationView::id).contains(UUID.fromString(routedId));
        assertThat(ids(getAs(patient.token(), "/api/v1/consultations")).stream().filter(routedId::equals))
                .hasSize(1);
    }

    /** Books and sees that the booking opened a consultation. */
    private JsonNode book(String token, JsonNode slot, String patientId) {
        var booked = book(token, slot, patientId, null);
        assertThat(booked.get("consultationId").isNull()).isFalse();
        return booked;
    }
}
