package org.medkarta.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.medkarta.notification.Notifications;
import org.springframework.beans.factory.annotation.Autowired;

/** Reminders 24 h and 2 h before, exactly once, never for a cancelled appointment (SPEC C8). */
class RemindersIT extends SchedulingSupport {

    @Autowired
    Notifications notifications;

    @Test
    void eachReminderGoesOnceEvenWhenTwoDispatchersRunAtOnce() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        var patient = patient();
        activeTemplate(clinic, doctor, "09:00", "10:30");
        var slots = freeSlots(patient.token(), doctor);
        var slot = slots.stream()
                .filter(s -> Instant.parse(s.get("start").asString())
                        .isAfter(clock.instant().plus(Duration.ofDays(2))))
                .findFirst()
                .orElseThrow();
        String appointment =
                body(book(patient, slot.get("id").asString(), true)).get("id").asString();
        Instant start = Instant.parse(slot.get("start").asString());
        String dayKey = "appointment-reminder:" + appointment + ":before-1440m:" + start.getEpochSecond();
        String soonKey = "appointment-reminder:" + appointment + ":before-120m:" + start.getEpochSecond();

        clock.freezeAt(start.minus(Duration.ofHours(25)));
        assertThat(twoAtOnce()).isZero();

        clock.freezeAt(start.minus(Duration.ofHours(23)));
        assertThat(twoAtOnce()).isEqualTo(1);
        assertThat(scheduling.sendDueReminders()).isZero();
        assertThat(notifications.delivery(dayKey + ":sms")).isPresent();
        assertThat(notifications.delivery(soonKey + ":sms")).isEmpty();

        clock.freezeAt(start.minus(Duration.ofMinutes(90)));
        assertThat(twoAtOnce()).isEqualTo(1);
        assertThat(twoAtOnce()).isZero();
        assertThat(notifications.delivery(soonKey + ":sms")).isPresent();
        assertThat(notifications.notices(patient.account().userId()))
                .filteredOn(notice -> notice.title().equals("Напоминание о приёме"))
                .hasSize(1);
    }

    @Test
    void aCancelledAppointmentIsNeverReminded() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        var patient = patient();
        activeTemplate(clinic, doctor, "09:00", "10:30");
        var slot = freeSlots(patient.token(), doctor).stream()
                .filter(s -> Instant.parse(s.get("start").asString())
                        .isAfter(clock.instant().plus(Duration.ofDays(2))))
                .findFirst()
                .orElseThrow();
        String appointment =
                body(book(patient, slot.get("id").asString(), true)).get("id").asString();
        postAs(patient.token(), "/api/v1/appointments/" + appointment + "/cancel", map());
        Instant start = Instant.parse(slot.get("start").asString());

        clock.freezeAt(start.minus(Duration.ofHours(1)));
        scheduling.sendDueReminders();
        assertThat(notifications.delivery(
                        "appointment-reminder:" + appointment + ":before-1440m:" + start.getEpochSecond() + ":sms"))
                .isEmpty();
        assertThat(notifications.delivery(
                        "appointment-reminder:" + appointment + ":before-120m:" + start.getEpochSecond() + ":sms"))
                .isEmpty();
    }

    private int twoAtOnce() {
        var first = CompletableFuture.supplyAsync(scheduling::sendDueReminders);
        var second = CompletableFuture.supplyAsync(scheduling::sendDueReminders);
        return first.join() + second.join();
    }
}
