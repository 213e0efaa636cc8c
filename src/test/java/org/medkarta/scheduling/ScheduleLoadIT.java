package org.medkarta.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link ScheduleLoad}: a doctor's slots of a day counted booked, free and closed (SPEC J3). */
class ScheduleLoadIT extends SchedulingSupport {

    @Autowired
    ScheduleLoad scheduleLoad;

    @Test
    void aDaysSlotsAreCountedBookedFreeAndClosedForTheirDoctorAndService() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        var patient = patient();
        activeTemplate(clinic, doctor, "09:00", "10:30");
        LocalDate day = LocalDate.now(clinic.zone()).plusDays(2);
        var slots = freeSlots(patient.token(), doctor).stream()
                .filter(slot -> Instant.parse(slot.get("start").asString())
                        .atZone(clinic.zone())
                        .toLocalDate()
                        .equals(day))
                .map(slot -> slot.get("id").asString())
                .toList();
        assertThat(slots).hasSize(4);
        assertThat(book(patient, slots.get(0), true).statusCode()).isEqualTo(201);
        assertThat(postAs(doctor.token(), "/api/v1/slots/" + slots.get(1) + "/close", map())
                        .statusCode())
                .isEqualTo(200);

        var sums = scheduleLoad.sums(
                new ScheduleLoad.Query(clinic.id(), clinic.zone(), day, day, null, null), clock.instant());
        var counted = new ScheduleLoad.Sum(new ScheduleLoad.Count(1, 2, 1), 0);
        assertThat(sums.byDay()).containsExactly(java.util.Map.entry(day, counted));
        assertThat(sums.byDoctor())
                .containsExactly(java.util.Map.entry(doctor.view().id(), counted));
        var byService = scheduleLoad.sums(
                new ScheduleLoad.Query(
                        clinic.id(), clinic.zone(), day, day, doctor.view().id(), UUID.fromString(doctor.service())),
                clock.instant());
        assertThat(byService.byDay()).containsExactly(java.util.Map.entry(day, counted));
    }

    @Test
    void slotsCountOnTheClinicsDayFarFromUtcAndOverAPeriodAcrossAClockChange() {
        // Vladivostok (UTC+10, no clock change): a 09:00 slot starts at 23:00 UTC the day before, so
        // days taken in UTC would split each day's four slots two and two.
        var east = clinic("Asia/Vladivostok");
        var doctor = doctor(east, "therapist", "REGION");
        activeTemplate(east, doctor, "09:00", "10:30");
        LocalDate day = LocalDate.now(east.zone()).plusDays(2);
        var four = new ScheduleLoad.Sum(new ScheduleLoad.Count(0, 4, 0), 0);
        var sums = scheduleLoad.sums(
                new ScheduleLoad.Query(east.id(), east.zone(), day.minusDays(1), day.plusDays(1), null, null),
                clock.instant());
        assertThat(sums.byDay())
                .containsOnly(
                        java.util.Map.entry(day.minusDays(1), four),
                        java.util.Map.entry(day, four),
                        java.util.Map.entry(day.plusDays(1), four));
        assertThat(sums.byDoctor().get(doctor.view().id()).count()).isEqualTo(new ScheduleLoad.Count(0, 12, 0));

        // Berlin changes its clocks within any 240 days: the days are still the clinic's days.
        var west = clinic("Europe/Berlin");
        var colleague = doctor(west, "therapist", "REGION");
        activeTemplate(west, colleague, "09:00", "10:30");
        LocalDate first = LocalDate.now(west.zone()).plusDays(2);
        var days = scheduleLoad
                .sums(
                        new ScheduleLoad.Query(west.id(), west.zone(), first, first.plusDays(240), null, null),
                        clock.instant())
                .byDay();
        assertThat(days)
                .containsKey(first)
                .allSatisfy((on, sum) -> assertThat(sum).isEqualTo(four));
    }

    @Test
    void anotherDoctorAnotherClinicAndADayWithoutSlotsCountNothing() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        var colleague = doctor(clinic, "therapist", "REGION");
        var elsewhere = clinic("Europe/Moscow");
        activeTemplate(clinic, doctor, "09:00", "10:30");
        LocalDate day = LocalDate.now(clinic.zone()).plusDays(2);

        assertThat(scheduleLoad.sums(
                        new ScheduleLoad.Query(
                                clinic.id(),
                                clinic.zone(),
                                day,
                                day,
                                colleague.view().id(),
                                null),
                        clock.instant()))
                .isEqualTo(new ScheduleLoad.Sums(java.util.Map.of(), java.util.Map.of()));
        assertThat(scheduleLoad.sums(
                        new ScheduleLoad.Query(elsewhere.id(), elsewhere.zone(), day, day, null, null),
                        clock.instant()))
                .isEqualTo(new ScheduleLoad.Sums(java.util.Map.of(), java.util.Map.of()));
        LocalDate beyond = day.plusDays(60);
        assertThat(scheduleLoad.sums(
                        new ScheduleLoad.Query(clinic.id(), clinic.zone(), beyond, beyond, null, null),
                        clock.instant()))
                .isEqualTo(new ScheduleLoad.Sums(java.util.Map.of(), java.util.Map.of()));
        assertThat(scheduleLoad
                        .sums(
                                new ScheduleLoad.Query(
                                        clinic.id(),
                                        clinic.zone(),
                                        day,
                                        day,
                                        doctor.view().id(),
                                        null),
                                clock.instant())
                        .byDoctor())
                .containsOnlyKeys(doctor.view().id());
    }
}
