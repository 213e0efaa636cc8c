package org.medkarta.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.Fixtures.TestPatient;
import org.medkarta.shared.NotFound;
import org.medkarta.testing.TestCare;
import org.springframework.beans.factory.annotation.Autowired;

/** {@link AppointmentReading}: appointments as their patient and the doctor's staff read them (SPEC C6, F4). */
class AppointmentReadingIT extends SchedulingSupport {

    @Autowired
    AppointmentReading appointmentReading;

    private static SignedInUser user(TestPatient patient) {
        return new SignedInUser(
                patient.account().userId(),
                "Patient",
                patient.account().patientId(),
                List.of(new RoleGrant(Role.PATIENT, null)),
                "SMS_CODE");
    }

    @Test
    void thePatientAndTheDoctorReadTheAppointmentAndItIsACareRelationship() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        var elsewhere = doctor(clinic("Europe/Moscow"), "therapist", "REGION");
        var patient = patient();
        activeTemplate(clinic, doctor, "09:00", "10:30");
        var booked = book(
                patient, freeSlots(patient.token(), doctor).get(0).get("id").asString(), true);
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        var id = UUID.fromString(body(booked).get("id").asString());
        var patientId = patient.account().patientId();

        assertThat(appointmentReading.appointments(user(patient), null, null))
                .extracting(AppointmentView::id)
                .containsExactly(id);
        assertThat(appointmentReading.appointments(user(patient), null, AppointmentStatus.CANCELLED))
                .isEmpty();
        var theDoctor = TestCare.signedIn(doctor.view());
        assertThat(appointmentReading.appointments(theDoctor, patientId, null))
                .extracting(AppointmentView::id)
                .containsExactly(id);
        assertThat(appointmentReading.appointment(theDoctor, id).patientId()).isEqualTo(patientId);
        assertThat(appointmentReading.appointment(user(patient), id).doctorId())
                .isEqualTo(doctor.view().id());

        assertThat(appointmentReading.hasAppointment(patientId, doctor.view().id()))
                .isTrue();
        assertThat(appointmentReading.hasAppointment(patientId, elsewhere.view().id()))
                .isFalse();
        assertThat(appointmentReading.hasAppointmentAt(patientId, clinic.id())).isTrue();
        assertThat(appointmentReading.hasAppointmentAt(
                        patientId, elsewhere.view().clinicId()))
                .isFalse();
    }

    @Test
    void anotherPatientAndAnotherClinicsDoctorReadNothingOfIt() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        var elsewhere = TestCare.signedIn(
                doctor(clinic("Europe/Moscow"), "therapist", "REGION").view());
        var patient = patient();
        var stranger = patient();
        activeTemplate(clinic, doctor, "09:00", "10:30");
        var booked = book(
                patient, freeSlots(patient.token(), doctor).get(0).get("id").asString(), true);
        var id = UUID.fromString(body(booked).get("id").asString());

        assertThatThrownBy(() -> appointmentReading.appointment(user(stranger), id))
                .isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> appointmentReading.appointment(elsewhere, id)).isInstanceOf(NotFound.class);
        assertThatThrownBy(() -> appointmentReading.appointment(user(patient), UUID.randomUUID()))
                .isInstanceOf(NotFound.class);
        assertThat(appointmentReading.appointments(elsewhere, patient.account().patientId(), null))
                .isEmpty();
        assertThat(appointmentReading.appointments(user(stranger), null, null)).isEmpty();
    }
}
