package org.medkarta.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ScheduleTemplates}: a doctor's schedule templates and the slots they make (SPEC C1). */
class ScheduleTemplatesIT extends SchedulingSupport {

    @Test
    void templateWithWrongFieldsIsRefusedNamingEachField() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        var refused = postAs(
                doctor.token(),
                "/api/v1/doctors/" + doctor.id() + "/schedule-templates",
                map(
                        "name", " ",
                        "validFrom", "2026-12-10",
                        "validTo", "2026-12-01",
                        "weekdays", List.of("MON"),
                        "firstStart", "18:00",
                        "lastStart", "09:00",
                        "slotMinutes", 17,
                        "serviceIds", List.of(doctor.service())));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(problem(refused)).isEqualTo("invalid-input");
        assertThat(body(refused).get("field").asString()).isEqualTo("name");
    }

    @Test
    void activeTemplateMakesSlotsAtOnceAndAnOverlappingOneIsRefusedNamingTheConflict() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        var patient = patient();
        activeTemplate(clinic, doctor, "09:00", "11:30");

        var slots = freeSlots(patient.token(), doctor);
        assertThat(slots).isNotEmpty();
        var first = slots.get(0);
        assertThat(first.get("format").asString()).isEqualTo("VIDEO");
        assertThat(first.get("serviceId").asString()).isEqualTo(doctor.service());
        var start = Instant.parse(first.get("start").asString());
        assertThat(start.atZone(clinic.zone()).toLocalTime().getMinute() % 30).isZero();
        assertThat(Duration.between(start, Instant.parse(first.get("end").asString())))
                .isEqualTo(Duration.ofMinutes(30));
        // Nothing beyond the 14-day horizon.
        assertThat(slots)
                .allSatisfy(slot -> assertThat(Instant.parse(slot.get("start").asString()))
                        .isBefore(clock.instant().plus(Duration.ofDays(15))));

        var second = postAs(
                doctor.token(),
                "/api/v1/doctors/" + doctor.id() + "/schedule-templates",
                template("Вечер", clinic, doctor, "11:00", "15:00"));
        String id = body(second).get("id").asString();
        var overlap = postAs(doctor.token(), "/api/v1/schedule-templates/" + id + "/activate", map());
        assertThat(overlap.statusCode()).isEqualTo(409);
        assertThat(problem(overlap)).isEqualTo("template-overlap");
        assertThat(body(overlap).get("conflictsWith").asString()).isEqualTo("График 09:00");
    }

    @Test
    void anotherClinicsDoctorCannotTouchTheSchedule() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        var stranger = doctor(clinic("Europe/Moscow"), "therapist", "REGION");
        var refused = postAs(
                stranger.token(),
                "/api/v1/doctors/" + doctor.id() + "/schedule-templates",
                template("Чужой", clinic, doctor, "09:00", "10:00"));
        assertThat(refused.statusCode()).isEqualTo(404);
    }

    @Test
    void slotsFollowTheClinicsZoneAcrossDaylightSaving() {
        // Berlin moves its clocks forward on 28 March 2027: 09:00 is 08:00Z before and 07:00Z after.
        clock.freezeAt(Instant.parse("2027-03-24T12:00:00Z"));
        var clinic = clinic("Europe/Berlin");
        var doctor = doctor(clinic, "therapist", "REGION");
        var patient = patient();
        var created = postAs(
                doctor.token(),
                "/api/v1/doctors/" + doctor.id() + "/schedule-templates",
                map(
                        "name", "Утро",
                        "validFrom", "2027-03-20",
                        "validTo", "2027-04-30",
                        "weekdays", List.of("1", "2", "3", "4", "5", "6", "7"),
                        "firstStart", "09:00",
                        "lastStart", "09:00",
                        "slotMinutes", 30,
                        "serviceIds", List.of(doctor.service())));
        String id = body(created).get("id").asString();
        postAs(doctor.token(), "/api/v1/schedule-templates/" + id + "/activate", map());

        var starts = freeSlots(patient.token(), doctor).stream()
                .map(slot -> Instant.parse(slot.get("start").asString()))
                .toList();
        assertThat(starts).contains(Instant.parse("2027-03-27T08:00:00Z"), Instant.parse("2027-03-29T07:00:00Z"));
        assertThat(starts)
                .allSatisfy(start ->
                        assertThat(start.atZone(clinic.zone()).toLocalTime()).isEqualTo(java.time.LocalTime.of(9, 0)));
        assertThat(LocalDateTime.ofInstant(starts.get(0), ZoneOffset.UTC).toLocalDate())
                .isEqualTo(LocalDate.of(2027, 3, 25));
    }

    @Test
    void bookedAppointmentsAreNeverLostSilentlyByATemplateChange() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        var patient = patient();
        String template = activeTemplate(clinic, doctor, "09:00", "10:30");
        String slot = freeSlots(patient.token(), doctor).get(0).get("id").asString();
        var booked = book(patient, slot, true);
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);

        var changed = template("Сокращённый", clinic, doctor, "15:00", "16:00");
        var refused = putAs(doctor.token(), "/api/v1/schedule-templates/" + template, changed);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(problem(refused)).isEqualTo("appointments-affected");
        assertThat(body(refused).get("appointments").asInt()).isEqualTo(1);

        var confirmed = putAs(doctor.token(), "/api/v1/schedule-templates/" + template + "?confirm=true", changed);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);
        var appointment = body(getAs(patient.token(), "/api/v1/appointments")).get(0);
        assertThat(appointment.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(appointment.get("cancelledByClinic").asBoolean()).isTrue();
        assertThat(notifications.notices(patient.account().userId()))
                .anySatisfy(notice -> assertThat(notice.title()).isEqualTo("Клиника отменила запись"));
        assertThat(freeSlots(patient.token(), doctor))
                .allSatisfy(s -> assertThat(Instant.parse(s.get("start").asString())
                                .atZone(clinic.zone())
                                .getHour())
                        .isBetween(15, 16));
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.medkarta.notification.Notifications notifications;
}
