package org.medkarta.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.medkarta.notification.Notifications;
import org.springframework.beans.factory.annotation.Autowired;

class BookingIT extends SchedulingSupport {

    @Autowired
    Notifications notifications;

    @Autowired
    org.medkarta.notification.DevOutbox outbox;

    @Test
    void bookingNeedsTheClinicsDocumentsAcceptedOrAcceptsThemInTheSameStep() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        var patient = patient();
        activeTemplate(clinic, doctor, "09:00", "10:30");
        String slot = freeSlots(patient.token(), doctor).get(0).get("id").asString();

        var refused = book(patient, slot, false);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(problem(refused)).isEqualTo("consent-required");

        var booked = book(patient, slot, true);
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        var appointment = body(booked);
        assertThat(appointment.get("status").asString()).isEqualTo("BOOKED");
        assertThat(appointment.get("slotId").asString()).isEqualTo(slot);
        assertThat(appointment.get("patientId").asString()).isEqualTo(patient.id());
        assertThat(clinics.documents().hasAccepted(patient.account().patientId(), clinic.id()))
                .isTrue();
        assertThat(notifications.notices(patient.account().userId()))
                .anySatisfy(notice -> assertThat(notice.title()).isEqualTo("Вы записаны на приём"));
        assertThat(freeSlots(patient.token(), doctor))
                .extracting(s -> s.get("id").asString())
                .doesNotContain(slot);

        var second = book(patient(), slot, true);
        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(problem(second)).isEqualTo("slot-taken");
    }

    @Test
    void aPatientCannotHoldTwoOverlappingAppointments() {
        var clinic = clinic("Europe/Moscow");
        var therapist = doctor(clinic, "therapist", "REGION");
        var other = doctor(clinic, "therapist", "REGION");
        var patient = patient();
        activeTemplate(clinic, therapist, "09:00", "10:30");
        activeTemplate(clinic, other, "09:00", "10:30");
        var first = freeSlots(patient.token(), therapist).get(0);
        var same = freeSlots(patient.token(), other).stream()
                .filter(s -> s.get("start").asString().equals(first.get("start").asString()))
                .findFirst()
                .orElseThrow();
        assertThat(book(patient, first.get("id").asString(), true).statusCode()).isEqualTo(201);
        var refused = book(patient, same.get("id").asString(), true);
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(problem(refused)).isEqualTo("overlapping-appointment");
    }

    @Test
    void referralOnlyServicesNeedAReferralWhichTheBookingUsesUp() {
        var clinic = clinic("Europe/Moscow");
        var cardiologist = doctor(clinic, "cardiologist", "REFERRAL");
        var patient = patient();
        activeTemplate(clinic, cardiologist, "09:00", "12:00");
        // Staff see the slots; the patient without a referral does not.
        var slots = freeSlots(cardiologist.token(), cardiologist);
        assertThat(freeSlots(patient.token(), cardiologist)).isEmpty();

        var refused = book(patient, slots.get(0).get("id").asString(), true);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(problem(refused)).isEqualTo("referral-required");

        var referral = patientReferrals.issueReferral(
                patient.account().patientId(),
                "cardiologist",
                null,
                clock.instant().plus(Duration.ofDays(30)),
                cardiologist.view().userId());
        assertThat(freeSlots(patient.token(), cardiologist)).isNotEmpty();
        var booked = book(patient, slots.get(0).get("id").asString(), true);
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        assertThat(body(booked).get("referralId").asString())
                .isEqualTo(referral.id().toString());
        var again = book(patient, slots.get(3).get("id").asString(), true);
        assertThat(problem(again)).isEqualTo("referral-required");

        // Cancelling gives the referral back.
        postAs(patient.token(), "/api/v1/appointments/" + body(booked).get("id").asString() + "/cancel", map());
        assertThat(book(patient, slots.get(3).get("id").asString(), true).statusCode())
                .isEqualTo(201);
    }

    @Test
    void pastSlotsAndSlotsBeyondTheHorizonCannotBeBooked() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        var patient = patient();
        Instant far = LocalDate.now(clinic.zone())
                .plusDays(30)
                .atTime(10, 0)
                .atZone(clinic.zone())
                .toInstant();
        var added = postAs(
                doctor.token(),
                "/api/v1/doctors/" + doctor.id() + "/slots",
                map("start", far.toString(), "minutes", 30));
        String farSlot = body(added).get("id").asString();
        assertThat(problem(book(patient, farSlot, true))).isEqualTo("booking-not-open");

        activeTemplate(clinic, doctor, "09:00", "10:30");
        var slot = freeSlots(patient.token(), doctor).get(0);
        clock.freezeAt(Instant.parse(slot.get("start").asString()).plusSeconds(60));
        assertThat(problem(book(signedInAgain(patient), slot.get("id").asString(), true)))
                .isEqualTo("slot-in-past");
    }

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

    @Test
    void linksInTheNoticesTheIcsFileAndTheFeedPointToThePortTheAppListensOn() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        var patient = patient();
        activeTemplate(clinic, doctor, "09:00", "10:30");
        String slot = freeSlots(patient.token(), doctor).get(0).get("id").asString();
        String appointment = body(book(patient, slot, true)).get("id").asString();
        String base = "http://localhost:" + port;
        assertThat(port).isNotEqualTo(8080);

        assertThat(notifications.notices(patient.account().userId()))
                .anySatisfy(notice -> assertThat(notice.link()).isEqualTo(base + "/appointments"));
        assertThat(org.medkarta.testing.Outbox.to(outbox, patient.phone(), 2))
                .filteredOn(sms -> sms.body().contains("/appointments"))
                .isNotEmpty()
                .allSatisfy(sms -> assertThat(sms.body()).contains(base + "/appointments"));
        var ics = get("/api/v1/appointments/" + appointment + "/ics", "Authorization", "Bearer " + patient.token());
        assertThat(ics.body()).contains("DESCRIPTION:" + base + "/appointments").doesNotContain("localhost:8080");
        assertThat(body(getAs(patient.token(), "/api/v1/calendar-feed"))
                        .get("url")
                        .asString())
                .startsWith(base + "/calendar/");
    }

    @Test
    void anAppointmentIsAnIcsFileInUtcAndThePrivateFeedCanBeRevoked() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        var patient = patient();
        activeTemplate(clinic, doctor, "10:00", "10:30");
        var slot = freeSlots(patient.token(), doctor).get(0);
        String appointment =
                body(book(patient, slot.get("id").asString(), true)).get("id").asString();
        Instant start = Instant.parse(slot.get("start").asString());
        String utc = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC)
                .format(start);

        var ics = get("/api/v1/appointments/" + appointment + "/ics", "Authorization", "Bearer " + patient.token());
        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(ics.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
        assertThat(ics.body()).contains("BEGIN:VEVENT", "DTSTART:" + utc, "UID:" + appointment);
        assertThat(start.atZone(clinic.zone()).getHour()).isEqualTo(10);

        String url =
                body(getAs(patient.token(), "/api/v1/calendar-feed")).get("url").asString();
        String path = url.substring(url.indexOf("/calendar/"));
        var feed = get(path);
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.body()).contains("UID:" + appointment);

        String renewed = body(postAs(patient.token(), "/api/v1/calendar-feed/renew", map()))
                .get("url")
                .asString();
        assertThat(get(path).statusCode()).isEqualTo(404);
        assertThat(get(renewed.substring(renewed.indexOf("/calendar/"))).statusCode())
                .isEqualTo(200);
    }
}
