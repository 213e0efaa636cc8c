package org.medkarta.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.medkarta.notification.Notifications;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link Booking}: booking a slot, the clinic's documents, overlaps, referrals and the horizon (SPEC C4). */
class BookingIT extends SchedulingSupport {

    @Autowired
    Notifications notifications;

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
}
