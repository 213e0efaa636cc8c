package org.medkarta.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.medkarta.notification.Notifications;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link AppointmentChanges}: cancelling and rescheduling an appointment (SPEC C5). */
class AppointmentChangesIT extends SchedulingSupport {

    @Autowired
    Notifications notifications;

    @Test
    void cancelFreesTheSlotAtOnceButNotAfterTheStart() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        var patient = patient();
        activeTemplate(clinic, doctor, "09:00", "10:30");
        var slots = freeSlots(patient.token(), doctor);
        String slot = slots.get(0).get("id").asString();
        String appointment = body(book(patient, slot, true)).get("id").asString();

        var cancelled = postAs(patient.token(), "/api/v1/appointments/" + appointment + "/cancel", map());
        assertThat(cancelled.statusCode()).isEqualTo(200);
        assertThat(body(cancelled).get("status").asString()).isEqualTo("CANCELLED");
        assertThat(freeSlots(patient.token(), doctor))
                .extracting(s -> s.get("id").asString())
                .contains(slot);

        String later = body(book(patient, slots.get(1).get("id").asString(), true))
                .get("id")
                .asString();
        clock.freezeAt(Instant.parse(slots.get(1).get("start").asString()).plusSeconds(1));
        var tooLate = postAs(signedInAgain(patient).token(), "/api/v1/appointments/" + later + "/cancel", map());
        assertThat(tooLate.statusCode()).isEqualTo(409);
        assertThat(problem(tooLate)).isEqualTo("already-started");
    }

    @Test
    void theClinicCancellingTellsThePatient() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        var patient = patient();
        activeTemplate(clinic, doctor, "09:00", "10:30");
        String slot = freeSlots(patient.token(), doctor).get(0).get("id").asString();
        String appointment = body(book(patient, slot, true)).get("id").asString();

        var stranger = patient();
        assertThat(postAs(stranger.token(), "/api/v1/appointments/" + appointment + "/cancel", map())
                        .statusCode())
                .isEqualTo(404);
        var cancelled = postAs(doctor.token(), "/api/v1/appointments/" + appointment + "/cancel", map());
        assertThat(body(cancelled).get("cancelledByClinic").asBoolean()).isTrue();
        assertThat(notifications.notices(patient.account().userId()))
                .anySatisfy(notice -> assertThat(notice.title()).isEqualTo("Клиника отменила запись"));
    }

    @Test
    void rescheduleTakesTheNewSlotAndFreesTheOldTogether() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        var patient = patient();
        activeTemplate(clinic, doctor, "09:00", "10:30");
        var slots = freeSlots(patient.token(), doctor);
        String old = slots.get(0).get("id").asString();
        String target = slots.get(2).get("id").asString();
        String appointment = body(book(patient, old, true)).get("id").asString();
        String taken = slots.get(3).get("id").asString();
        assertThat(book(patient(), taken, true).statusCode()).isEqualTo(201);

        var refused =
                postAs(patient.token(), "/api/v1/appointments/" + appointment + "/reschedule", map("slotId", taken));
        assertThat(problem(refused)).isEqualTo("slot-taken");

        var moved =
                postAs(patient.token(), "/api/v1/appointments/" + appointment + "/reschedule", map("slotId", target));
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        assertThat(body(moved).get("slotId").asString()).isEqualTo(target);
        assertThat(body(moved).get("start").asString())
                .isEqualTo(slots.get(2).get("start").asString());
        var free = freeSlots(patient.token(), doctor).stream()
                .map(s -> s.get("id").asString())
                .toList();
        assertThat(free).contains(old).doesNotContain(target, taken);
        assertThat(notifications.notices(patient.account().userId()))
                .anySatisfy(notice -> assertThat(notice.title()).isEqualTo("Запись перенесена"));
    }
}
