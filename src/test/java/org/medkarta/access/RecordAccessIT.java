package org.medkarta.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.medkarta.shared.NotFound;

/**
 * The one policy point for clinicians (SPEC F4): a doctor opens a record only within a care
 * relationship — an appointment, a referral naming them, the patient's attachment to their clinic.
 */
class RecordAccessIT extends AccessSupport {

    @Test
    void anAppointmentOpensTheRecordToTheDoctorUntilItIsCancelled() {
        var clinic = clinic();
        var doctor = doctor(clinic);
        openSchedule(doctor, clinic);
        var patient = patient();
        assertThatThrownBy(() -> access.require(doctor.user(), patient.patient(), RecordAction.VIEW))
                .isInstanceOf(NotFound.class);

        String slot = body(getAs(
                        patient.token(),
                        "/api/v1/slots?doctorId=" + doctor.view().id().value()))
                .get(0)
                .get("id")
                .asString();
        var booked =
                postAs(patient.token(), "/api/v1/appointments", map("slotId", slot, "acceptClinicDocuments", true));
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);

        var decision = access.require(doctor.user(), patient.patient(), RecordAction.WRITE);
        assertThat(decision.relation()).isEqualTo(Relation.CLINICIAN);
        // A clinician never acts for the patient nor manages their grants.
        assertThatThrownBy(() -> access.require(doctor.user(), patient.patient(), RecordAction.ACT_FOR))
                .isInstanceOf(AccessRefusal.class);
        assertThatThrownBy(() -> access.require(doctor.user(), patient.patient(), RecordAction.MANAGE_ACCESS))
                .isInstanceOf(AccessRefusal.class);

        String appointment = body(booked).get("id").asString();
        assertThat(postAs(patient.token(), "/api/v1/appointments/" + appointment + "/cancel", map())
                        .statusCode())
                .isEqualTo(200);
        assertThatThrownBy(() -> access.require(doctor.user(), patient.patient(), RecordAction.VIEW))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void attachmentToTheDoctorsClinicAndAValidReferralAreCareButAnExpiredReferralIsNot() {
        var clinic = clinic();
        var doctor = doctor(clinic);
        var attached = patient();
        var request = clinics.attachments().requestAttachment(attached.user(), clinic, "GENERAL");
        clinics.attachments().confirmAttachment(PLATFORM, request.id(), Locale.ENGLISH);
        assertThat(access.require(doctor.user(), attached.patient(), RecordAction.VIEW)
                        .relation())
                .isEqualTo(Relation.CLINICIAN);

        var referred = patient();
        patientReferrals.issueReferral(
                referred.patient(),
                "therapist",
                doctor.view().id(),
                Instant.now().plus(Duration.ofDays(2)),
                null);
        assertThat(access.require(doctor.user(), referred.patient(), RecordAction.VIEW)
                        .relation())
                .isEqualTo(Relation.CLINICIAN);
        clock.advance(Duration.ofDays(3));
        assertThatThrownBy(() -> access.require(doctor.user(), referred.patient(), RecordAction.VIEW))
                .isInstanceOf(NotFound.class);
        // Another doctor of another clinic is in no relationship with either.
        var stranger = doctor(clinic());
        assertThatThrownBy(() -> access.require(stranger.user(), attached.patient(), RecordAction.VIEW))
                .isInstanceOf(NotFound.class);
    }
}
