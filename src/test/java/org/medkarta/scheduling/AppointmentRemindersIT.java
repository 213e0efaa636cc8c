package org.medkarta.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.medkarta.notification.Notifications;
import org.springframework.beans.factory.annotation.Autowired;

/** Reminders 24 h and 2 h before, exactly once, never for a cancelled appointment (SPEC C8). */
class AppointmentRemindersIT extends SchedulingSupport {

    @Autowired
    Notifications notifications;

    @Test
    void eachReminderGoesOnceEvenWhenTwoDispatchersRunAtOnce() {
        var patient = patient();
        var booked = bookedMoreThanTwoDaysAhead(patient);
        String appointment = booked.id();
        Instant start = booked.start();
        String dayKey = "appointment-reminder:" + appointment + ":before-1440m:" + start.getEpochSecond();
        String soonKey = "appointment-reminder:" + appointment + ":before-120m:" + start.getEpochSecond();

        // Other tests' appointments share the database and may fall due at the same moments, so this
        // test follows only its own appointment's deliveries and notices, never the job's totals.
        clock.freezeAt(start.minus(Duration.ofHours(25)));
        twoAtOnce();
        assertThat(notifications.delivery(dayKey + ":sms")).isEmpty();
        assertThat(notifications.delivery(soonKey + ":sms")).isEmpty();

        // The scheduled job may run in between too: whoever sends, it goes once.
        clock.freezeAt(start.minus(Duration.ofHours(23)));
        twoAtOnce();
        appointmentReminders.sendDueReminders();
        assertThat(notifications.delivery(dayKey + ":sms")).isPresent();
        assertThat(notifications.delivery(soonKey + ":sms")).isEmpty();
        assertThat(notifications.notices(patient.account().userId()))
                .filteredOn(notice -> notice.title().equals("Напоминание о приёме"))
                .hasSize(1);

        clock.freezeAt(start.minus(Duration.ofMinutes(90)));
        twoAtOnce();
        twoAtOnce();
        assertThat(notifications.delivery(soonKey + ":sms")).isPresent();
        assertThat(notifications.notices(patient.account().userId()))
                .filteredOn(notice -> notice.title().equals("Напоминание о приёме"))
                .hasSize(1);
        assertThat(notifications.notices(patient.account().userId()))
                .filteredOn(notice -> notice.title().equals("Скоро приём"))
                .hasSize(1);
    }

    @Test
    void aCancelledAppointmentIsNeverReminded() {
        var patient = patient();
        var booked = bookedMoreThanTwoDaysAhead(patient);
        String appointment = booked.id();
        postAs(patient.token(), "/api/v1/appointments/" + appointment + "/cancel", map());
        Instant start = booked.start();

        clock.freezeAt(start.minus(Duration.ofHours(1)));
        appointmentReminders.sendDueReminders();
        assertThat(notifications.delivery(
                        "appointment-reminder:" + appointment + ":before-1440m:" + start.getEpochSecond() + ":sms"))
                .isEmpty();
        assertThat(notifications.delivery(
                        "appointment-reminder:" + appointment + ":before-120m:" + start.getEpochSecond() + ":sms"))
                .isEmpty();
    }

    private record Booked(String id, Instant start) {}

    private Booked bookedMoreThanTwoDaysAhead(Fixtures.TestPatient patient) {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        activeTemplate(clinic, doctor, "09:00", "10:30");
        var slot = freeSlots(patient.token(), doctor).stream()
                .filter(s -> Instant.parse(s.get("start").asString())
                        .isAfter(clock.instant().plus(Duration.ofDays(2))))
                .findFirst()
                .orElseThrow();
        var booked = book(patient, slot.get("id").asString(), true);
        return new Booked(
                body(booked).get("id").asString(),
                Instant.parse(slot.get("start").asString()));
    }

    private void twoAtOnce() {
        var first = CompletableFuture.supplyAsync(appointmentReminders::sendDueReminders);
        var second = CompletableFuture.supplyAsync(appointmentReminders::sendDueReminders);
        CompletableFuture.allOf(first, second).join();
    }
}
