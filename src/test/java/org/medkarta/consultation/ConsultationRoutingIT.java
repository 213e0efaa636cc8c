package org.medkarta.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * Routing (SPEC D10, seed 004 «Маршрутизация»): referrals issued in a consultation and bookings
 * straight into a colleague's slot.
 */
class ConsultationRoutingIT extends ConsultationSupport {

    @Test
    void theDoctorRefersThePatientFromAConsultationAndTheReferralOpensReferralOnlyBooking() {
        var clinic = clinic();
        var doctor = doctor(clinic, "therapist", "PRIMARY");
        var patient = patient("Направлений");
        var c = bookAndOpen(patient, freeSlots(doctor, doctor.services().get(0)).get(0), null);
        String base = "/api/v1/consultations/" + c.get("id").asString();
        var tooSoon = postAs(
                doctor.token(),
                base + "/referrals",
                map("specialty", "cardiologist", "openEnded", true, "reason", "x"));
        assertThat(tooSoon.statusCode()).isEqualTo(409);
        assertThat(problem(tooSoon)).isEqualTo("consultation-not-in-work");
        clock.freezeAt(start(c).minus(Duration.ofMinutes(10)));
        assertThat(postAs(doctor.token(), base + "/take", map()).statusCode()).isEqualTo(200);

        var noReason = postAs(doctor.token(), base + "/referrals", map("specialty", "cardiologist", "openEnded", true));
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(body(noReason).get("field").asString()).isEqualTo("reason");
        var noDate = postAs(doctor.token(), base + "/referrals", map("specialty", "cardiologist", "reason", "Аритмия"));
        assertThat(body(noDate).get("field").asString()).isEqualTo("validUntil");
        var badCode = postAs(
                doctor.token(),
                base + "/referrals",
                map("specialty", "cardiologist", "openEnded", true, "presumedDiagnosis", "ZZZ", "reason", "Аритмия"));
        assertThat(body(badCode).get("field").asString()).isEqualTo("presumedDiagnosis");
        assertThat(postAs(patient.token(), base + "/referrals", map("specialty", "cardiologist"))
                        .statusCode())
                .isEqualTo(403);

        var referral = postAs(
                doctor.token(),
                base + "/referrals",
                map(
                        "specialty",
                        "cardiologist",
                        "openEnded",
                        true,
                        "presumedDiagnosis",
                        "I49.9",
                        "reason",
                        "Перебои в работе сердца, нужна консультация кардиолога"));
        assertThat(referral.statusCode()).as(referral.body()).isEqualTo(201);
        var dated = postAs(
                doctor.token(),
                base + "/referrals",
                map(
                        "specialty",
                        "therapist",
                        "doctorId",
                        doctor.id(),
                        "validUntil",
                        LocalDate.ofInstant(clock.instant(), clinic.zone())
                                .plusDays(30)
                                .toString(),
                        "reason",
                        "Повторная консультация"));
        assertThat(dated.statusCode()).as(dated.body()).isEqualTo(201);

        var mine = getAs(patient.token(), "/api/v1/consultation-referrals");
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(body(mine)).hasSize(2);
        var open = cardiology(body(mine));
        assertThat(open.get("specialty").asString()).isEqualTo("cardiologist");
        assertThat(open.get("validUntil").isNull()).isTrue();
        assertThat(open.get("presumedDiagnosis").get("name").asString()).contains("сердечного ритма");
        assertThat(patientReferrals.referrals(patient.account().patientId())).anySatisfy(r -> {
            assertThat(r.specialty()).isEqualTo("cardiologist");
            assertThat(r.usedAt()).isNull();
        });

        // The referral lets the patient book a referral-only cardiologist, and the booking uses it up.
        var cardiologist = doctor(clinic, "cardiologist", "PRIMARY");
        var service = clinics.catalogue()
                .service(new org.medkarta.clinic.ServiceId(
                        java.util.UUID.fromString(cardiologist.services().get(0))))
                .orElseThrow();
        clinics.services()
                .updateService(
                        PLATFORM,
                        clinic.id(),
                        service.id(),
                        new org.medkarta.clinic.ServiceForm(
                                service.name(),
                                "cardiologist",
                                "VIDEO",
                                "PRIMARY",
                                30,
                                100_000L,
                                java.util.List.of(cardiologist.id()),
                                "REFERRAL",
                                true));
        var slot = freeSlots(cardiologist, cardiologist.services().get(0)).get(2);
        var booked = postAs(
                patient.token(),
                "/api/v1/appointments",
                map("slotId", slot.get("id").asString(), "acceptClinicDocuments", true));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        assertThat(body(booked).get("referralId").asString())
                .isEqualTo(body(referral).get("id").asString());
        assertThat(cardiology(body(getAs(patient.token(), "/api/v1/consultation-referrals")))
                        .get("usedAt")
                        .isNull())
                .isFalse();
    }

    private static tools.jackson.databind.JsonNode cardiology(tools.jackson.databind.JsonNode referrals) {
        for (var referral : referrals) {
            if (referral.get("specialty").asString().equals("cardiologist")) {
                return referral;
            }
        }
        throw new AssertionError("no referral to a cardiologist in " + referrals);
    }

    @Test
    void theDoctorBooksThePatientStraightIntoAColleaguesSlotWhichOpensANewRequest() {
        var clinic = clinic();
        var doctor = doctor(clinic, "therapist", "PRIMARY");
        var colleague = doctor(clinic, "therapist", "REPEAT");
        var elsewhere = doctor(clinic(), "therapist", "REPEAT");
        var patient = patient("Маршрутов");
        var c = bookAndOpen(patient, freeSlots(doctor, doctor.services().get(0)).get(0), null);
        String base = "/api/v1/consultations/" + c.get("id").asString();
        clock.freezeAt(start(c));
        assertThat(postAs(doctor.token(), base + "/take", map()).statusCode()).isEqualTo(200);

        var other = freeSlots(elsewhere, elsewhere.services().get(0)).get(5);
        var refused = postAs(
                doctor.token(),
                base + "/bookings",
                map("slotId", other.get("id").asString()));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(body(refused).get("field").asString()).isEqualTo("slotId");

        var slot = freeSlots(colleague, colleague.services().get(0)).get(5);
        var booked = postAs(
                doctor.token(),
                base + "/bookings",
                map("slotId", slot.get("id").asString(), "note", "Повторно через неделю с анализами"));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        assertThat(body(booked).get("patientId").asString()).isEqualTo(patient.id());
        var next = opened(patient.token(), body(booked).get("id").asString());
        assertThat(next.get("doctorId").asString()).isEqualTo(colleague.id());
        assertThat(next.get("kind").asString()).isEqualTo("REPEAT");
        assertThat(ids(getAs(colleague.token(), "/api/v1/consultations?state=NEW")))
                .contains(next.get("id").asString());
    }
}
