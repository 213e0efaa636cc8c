package org.medkarta.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.medkarta.testing.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who is offered a doctor (SPEC B5, issue 23): a service visible to the region is offered to the
 * region's patients (every region's while a patient has not said where they live), one visible to
 * attached patients only to the clinic's attached patients; search and booking agree.
 */
class VisibilityIT extends SchedulingSupport {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aRegionsServicesAreOfferedToItsPatientsAndToThoseWhoHaveNotSaidWhereTheyLive() {
        var moscow = clinic("Europe/Moscow");
        var podmoskovye = clinic("Europe/Moscow");
        jdbc.sql("UPDATE clinic SET region = '50' WHERE id = :id")
                .param("id", podmoskovye.id().value())
                .update();
        var here = doctor(moscow, "therapist", "REGION");
        var there = doctor(podmoskovye, "therapist", "REGION");
        activeTemplate(moscow, here, "09:00", "10:30");
        activeTemplate(podmoskovye, there, "09:00", "10:30");
        var patient = patient();

        // Not said yet: both regions' doctors are offered.
        assertThat(freeSlots(patient.token(), here)).isNotEmpty();
        var elsewhere = freeSlots(patient.token(), there);
        assertThat(elsewhere).isNotEmpty();

        String path = "/api/v1/patients/" + patient.account().patientId().value() + "/region";
        var wrong = postAs(patient.token(), path, map("region", "7A"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(body(wrong).get("field").asString()).isEqualTo("region");
        var set = postAs(patient.token(), path, map("region", "77"));
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
        assertThat(body(set).get("region").asString()).isEqualTo("77");
        assertThat(postAs(patient().token(), path, map("region", "50")).statusCode())
                .isEqualTo(404);

        // A Moscow patient: the Moscow doctor only, in search and in booking.
        assertThat(freeSlots(patient.token(), here)).isNotEmpty();
        assertThat(freeSlots(patient.token(), there)).isEmpty();
        var refused = book(patient, elsewhere.get(0).get("id").asString(), true);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(problem(refused)).isEqualTo("not-visible");
        var booked =
                book(patient, freeSlots(patient.token(), here).get(0).get("id").asString(), true);
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);

        // Moving to the Moscow region's neighbour turns it round; forgetting the region offers both.
        postAs(patient.token(), path, map("region", "50"));
        assertThat(freeSlots(patient.token(), here)).isEmpty();
        assertThat(freeSlots(patient.token(), there)).isNotEmpty();
        postAs(patient.token(), path, map("region", ""));
        assertThat(freeSlots(patient.token(), here)).isNotEmpty();
        var contacts = body(getAs(
                patient.token(),
                "/api/v1/patients/" + patient.account().patientId().value() + "/contacts"));
        assertThat(contacts.get("changes")
                        .valueStream()
                        .filter(change -> change.get("field").asString().equals("REGION"))
                        .count())
                .isEqualTo(3);
        // Staff see every doctor whatever the region.
        assertThat(freeSlots(here.token(), there)).isNotEmpty();
    }

    @Test
    void anAttachedOnlyServiceIsOfferedOnceTheClinicConfirmsTheAttachment() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "ATTACHED");
        activeTemplate(clinic, doctor, "09:00", "10:30");
        var patient = patient();
        var admin = identity.tokens()
                .tokensFor(TestStaff.administrator(identity, clinics, clinic.id()))
                .accessToken();
        var slotsForStaff = freeSlots(doctor.token(), doctor);
        assertThat(slotsForStaff).isNotEmpty();

        assertThat(freeSlots(patient.token(), doctor)).isEmpty();
        var refused = book(patient, slotsForStaff.get(0).get("id").asString(), true);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(problem(refused)).isEqualTo("not-visible");

        var request = postAs(
                patient.token(), "/api/v1/clinics/" + clinic.id().value() + "/attachments", Map.of("kind", "GENERAL"));
        assertThat(request.statusCode()).as(request.body()).isEqualTo(201);
        // Asked is not attached: still not offered.
        assertThat(freeSlots(patient.token(), doctor)).isEmpty();
        var confirmed =
                postAs(admin, "/api/v1/attachments/" + body(request).get("id").asString() + "/confirm", Map.of());
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);

        var offered = freeSlots(patient.token(), doctor);
        assertThat(offered).isNotEmpty();
        var booked = book(patient, offered.get(0).get("id").asString(), true);
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        // Another patient, not attached, is still not offered the doctor.
        assertThat(freeSlots(patient().token(), doctor)).isEmpty();
    }
}
