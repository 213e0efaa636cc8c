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

        var cells = scheduleLoad.cells(
                new ScheduleLoad.Query(clinic.id(), clinic.zone(), day, day, null, null), clock.instant());
        assertThat(cells).singleElement().satisfies(cell -> {
            assertThat(cell.day()).isEqualTo(day);
            assertThat(cell.doctor()).isEqualTo(doctor.view().id());
            assertThat(cell.count()).isEqualTo(new ScheduleLoad.Count(1, 2, 1));
            assertThat(cell.noShows()).isZero();
        });
        var byService = scheduleLoad.cells(
                new ScheduleLoad.Query(
                        clinic.id(), clinic.zone(), day, day, doctor.view().id(), UUID.fromString(doctor.service())),
                clock.instant());
        assertThat(byService).extracting(ScheduleLoad.Cell::count).containsExactly(new ScheduleLoad.Count(1, 2, 1));
    }

    @Test
    void anotherDoctorAnotherClinicAndADayWithoutSlotsCountNothing() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        var colleague = doctor(clinic, "therapist", "REGION");
        var elsewhere = clinic("Europe/Moscow");
        activeTemplate(clinic, doctor, "09:00", "10:30");
        LocalDate day = LocalDate.now(clinic.zone()).plusDays(2);

        assertThat(scheduleLoad.cells(
                        new ScheduleLoad.Query(
                                clinic.id(),
                                clinic.zone(),
                                day,
                                day,
                                colleague.view().id(),
                                null),
                        clock.instant()))
                .isEmpty();
        assertThat(scheduleLoad.cells(
                        new ScheduleLoad.Query(elsewhere.id(), elsewhere.zone(), day, day, null, null),
                        clock.instant()))
                .isEmpty();
        LocalDate beyond = day.plusDays(60);
        assertThat(scheduleLoad.cells(
                        new ScheduleLoad.Query(clinic.id(), clinic.zone(), beyond, beyond, null, null),
                        clock.instant()))
                .isEmpty();
        assertThat(scheduleLoad.cells(
                        new ScheduleLoad.Query(
                                clinic.id(),
                                clinic.zone(),
                                day,
                                day,
                                doctor.view().id(),
                                null),
                        clock.instant()))
                .extracting(ScheduleLoad.Cell::doctor)
                .containsExactly(doctor.view().id());
    }
}
