package org.medkarta.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.medkarta.clinic.ClinicDirectory;
import org.medkarta.clinic.DoctorForm;
import org.medkarta.clinic.DoctorView;
import org.medkarta.clinic.ServiceForm;
import org.medkarta.identity.Identity;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.AppointmentView;
import org.medkarta.scheduling.BookingRequest;
import org.medkarta.scheduling.Scheduling;
import org.medkarta.scheduling.SlotQuery;
import org.medkarta.scheduling.TemplateForm;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;

/**
 * Real care relationships for tests (SPEC F4), made as people make them: a doctor of a clinic with
 * an open schedule, and a patient who books one of their slots. The access module's policy point
 * then finds the appointment itself; nothing is taught to it.
 */
public final class TestCare {

    private TestCare() {}

    /** A therapist of {@code clinic} with a video consultation and an account, signed in by password. */
    public static DoctorView doctor(ClinicDirectory clinics, ClinicId clinic) {
        var doctor = clinics.inviteDoctor(
                TestClinics.PLATFORM,
                clinic,
                new DoctorForm(
                        "doc-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ru",
                        "Врачев",
                        "Иван",
                        null,
                        List.of("therapist"),
                        null,
                        null,
                        null,
                        null,
                        "REGION",
                        true),
                "http://localhost",
                Locale.ENGLISH);
        clinics.addService(
                TestClinics.PLATFORM,
                clinic,
                new ServiceForm(
                        "Консультация",
                        "therapist",
                        "VIDEO",
                        "PRIMARY",
                        30,
                        0L,
                        List.of(doctor.id().value().toString()),
                        "REGION",
                        true));
        return doctor;
    }

    /** The doctor as signed in, for the facades. */
    public static SignedInUser signedIn(DoctorView doctor) {
        return new SignedInUser(
                doctor.userId(),
                doctor.fullName(),
                null,
                List.of(new RoleGrant(Role.DOCTOR, doctor.clinicId())),
                "PASSWORD");
    }

    /** An API token of the doctor. */
    public static String token(Identity identity, DoctorView doctor) {
        return identity.tokensFor(signedIn(doctor)).accessToken();
    }

    /** Opens the doctor's schedule: slots every 30 minutes, 08:00 to 19:30, for the coming two weeks. */
    public static void openSchedule(Scheduling scheduling, DoctorId doctor) {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));
        var template = scheduling.createTemplate(
                TestClinics.PLATFORM,
                doctor,
                new TemplateForm(
                        "Приём",
                        today.toString(),
                        today.plusDays(13).toString(),
                        List.of("1", "2", "3", "4", "5", "6", "7"),
                        "08:00",
                        "19:30",
                        30,
                        List.of(),
                        List.of(scheduling
                                .servicesOf(doctor)
                                .get(0)
                                .id()
                                .value()
                                .toString())));
        scheduling.activate(TestClinics.PLATFORM, template.id());
    }

    /**
     * The patient books the doctor's first free slot a day or more ahead, through the scheduling
     * facade as the booking API does: a care relationship for as long as it stays booked.
     */
    public static AppointmentView appointment(Scheduling scheduling, SignedInUser patient, DoctorId doctor) {
        var slot = scheduling
                .search(
                        patient,
                        new SlotQuery(doctor, null, null, null, Instant.now().plus(Duration.ofDays(1)), null, 1, 0))
                .stream()
                .findFirst()
                .orElseThrow(() -> new AssertionError("no free slot of " + doctor));
        return scheduling.book(
                patient,
                new BookingRequest(slot.slotId(), patient.patientId(), slot.serviceId(), null, null, true),
                "127.0.0.1");
    }
}
