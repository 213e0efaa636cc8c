package org.medkarta.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The booking rules hold under concurrency, enforced by the database (SPEC C4, C5). Messages are
 * delivered on a background thread, as in {@code prod}: delivering inline right after commit takes
 * a second pooled connection while the first is still bound, which many parallel successful
 * bookings on a small test pool would wait on.
 */
class BookingConcurrencyIT extends SchedulingSupport {

    @Test
    void aHundredParallelBookingsOfOneSlotGiveOneAppointmentAndNinetyNineSlotTaken() throws Exception {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        activeTemplate(clinic, doctor, "09:00", "09:30");
        var patients = IntStream.range(0, 100).mapToObj(i -> patient()).toList();
        String slot =
                freeSlots(patients.get(0).token(), doctor).get(0).get("id").asString();

        var answers = all(patients.stream()
                .map(patient -> (Callable<HttpResponse<String>>) () -> book(patient, slot, true))
                .toList());

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(201, 409);
        assertThat(answers).filteredOn(a -> a.statusCode() == 201).hasSize(1);
        assertThat(answers)
                .filteredOn(a -> a.statusCode() == 409)
                .hasSize(99)
                .allSatisfy(a -> assertThat(problem(a)).isEqualTo("slot-taken"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduling_appointment WHERE slot_id = :slot AND status = 'BOOKED'")
                        .param("slot", java.util.UUID.fromString(slot))
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void parallelBookingsOfOverlappingSlotsByOnePatientGiveAtMostOne() throws Exception {
        var clinic = clinic("Europe/Moscow");
        var patient = patient();
        var slots = new ArrayList<String>();
        String start = null;
        for (int i = 0; i < 6; i++) {
            var doctor = doctor(clinic, "therapist", "REGION");
            activeTemplate(clinic, doctor, "09:00", "09:30");
            var first = freeSlots(patient.token(), doctor).get(0);
            start = start == null ? first.get("start").asString() : start;
            assertThat(first.get("start").asString()).isEqualTo(start);
            slots.add(first.get("id").asString());
        }
        // Accepting the clinic's documents once first keeps the race about the appointments alone.
        clinics.documents().accept(patient.account().patientId(), clinic.id(), "127.0.0.1");

        var answers = all(slots.stream()
                .map(slot -> (Callable<HttpResponse<String>>) () -> book(patient, slot, false))
                .toList());

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(201, 409);
        assertThat(answers).filteredOn(a -> a.statusCode() == 201).hasSize(1);
        assertThat(answers)
                .filteredOn(a -> a.statusCode() == 409)
                .allSatisfy(a -> assertThat(problem(a)).isEqualTo("overlapping-appointment"));
    }

    @Test
    void parallelReschedulesNeverLeaveASlotHeldTwiceOrAnAppointmentWithoutItsSlot() throws Exception {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        activeTemplate(clinic, doctor, "09:00", "16:30");
        var patients = IntStream.range(0, 8).mapToObj(i -> patient()).toList();
        var day = freeSlots(patients.get(0).token(), doctor).subList(0, 16);
        var appointments = new ArrayList<String>();
        for (int i = 0; i < patients.size(); i++) {
            var booked = book(patients.get(i), day.get(i).get("id").asString(), true);
            appointments.add(body(booked).get("id").asString());
        }
        var targets =
                day.subList(8, 12).stream().map(s -> s.get("id").asString()).toList();
        var moves = new ArrayList<Callable<HttpResponse<String>>>();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < patients.size(); i++) {
                var patient = patients.get(i);
                String appointment = appointments.get(i);
                String target = targets.get((i + round) % targets.size());
                moves.add(() -> postAs(
                        patient.token(), "/api/v1/appointments/" + appointment + "/reschedule", map("slotId", target)));
            }
        }

        var answers = all(moves);

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200, 409);
        assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM scheduling_appointment a JOIN scheduling_slot s ON s.id = a.slot_id
                        WHERE a.doctor_id = :doctor AND a.status = 'BOOKED'
                        AND s.status = 'BOOKED' AND s.appointment_id = a.id AND s.starts_at = a.starts_at
                        """)
                        .param("doctor", doctor.view().id().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(8L);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduling_slot WHERE doctor_id = :doctor AND status = 'BOOKED'")
                        .param("doctor", doctor.view().id().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(8L);
    }
}
