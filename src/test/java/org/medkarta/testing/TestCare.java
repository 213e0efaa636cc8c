package org.medkarta.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.medkarta.clinic.DoctorForm;
import org.medkarta.clinic.DoctorView;
import org.medkarta.clinic.ServiceForm;
import org.medkarta.clinic.ServiceView;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.AppointmentView;
import org.medkarta.scheduling.Booking;
import org.medkarta.scheduling.BookingRequest;
import org.medkarta.scheduling.PatientReferrals;
import org.medkarta.scheduling.ScheduleTemplates;
import org.medkarta.scheduling.SlotQuery;
import org.medkarta.scheduling.SlotSearch;
import org.medkarta.scheduling.TemplateForm;
import org.medkarta.scheduling.TemplateView;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.PatientId;

/**
 * Real care relationships for tests (SPEC F4), made as people make them: a doctor of a clinic with
 * an open schedule, and a patient who books one of their slots. The access module's policy point
 * then finds the appointment itself; nothing is taught to it.
 */
public final class TestCare {

    private TestCare() {}

    /**
     * A doctor to invite: their name, their one specialty and who may find their profile ({@code
     * null} visibility means the region's).
     */
    public record NewDoctor(String lastName, String firstName, String patronymic, String specialty, String visibility) {

        /** Врачев Иван, a therapist shown to the whole region. */
        public static final NewDoctor THERAPIST = new NewDoctor("Врачев", "Иван", null, "therapist", "REGION");

        public NewDoctor named(String lastName, String firstName, String patronymic) {
            return new NewDoctor(lastName, firstName, patronymic, specialty, visibility);
        }

        public NewDoctor as(String specialty, String visibility) {
            return new NewDoctor(lastName, firstName, patronymic, specialty, visibility);
        }
    }

    /** A schedule template's days ({@code from} to {@code to}, every weekday) and daily first and last slot starts. */
    public record Hours(String name, LocalDate from, LocalDate to, String firstStart, String lastStart) {}

    /** A therapist of {@code clinic} with a video consultation and an account, signed in by password. */
    public static DoctorView doctor(ClinicFacades clinics, ClinicId clinic) {
        var doctor = invite(clinics, TestClinics.PLATFORM, clinic, NewDoctor.THERAPIST);
        addService(clinics, TestClinics.PLATFORM, doctor, "Консультация", "therapist", "PRIMARY", 0L, "REGION");
        return doctor;
    }

    /** Invites a doctor to the clinic as {@code admin} does, with a fresh e-mail address. */
    public static DoctorView invite(ClinicFacades clinics, SignedInUser admin, ClinicId clinic, NewDoctor who) {
        return clinics.staff()
                .inviteDoctor(
                        admin,
                        clinic,
                        new DoctorForm(
                                "doc-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ru",
                                who.lastName(),
                                who.firstName(),
                                who.patronymic(),
                                List.of(who.specialty()),
                                null,
                                null,
                                null,
                                null,
                                who.visibility(),
                                true),
                        "http://localhost",
                        Locale.ENGLISH);
    }

    /** A video service of the doctor's clinic, 30 minutes long, given by the doctor alone. */
    public static ServiceView addService(
            ClinicFacades clinics,
            SignedInUser admin,
            DoctorView doctor,
            String name,
            String specialty,
            String kind,
            long priceKopecks,
            String visibility) {
        return addService(clinics, admin, doctor, name, specialty, kind, priceKopecks, visibility, "VIDEO");
    }

    /** A service of the doctor's clinic in {@code format} (VIDEO, AUDIO, CHAT, IN_PERSON), 30 minutes long. */
    public static ServiceView addService(
            ClinicFacades clinics,
            SignedInUser admin,
            DoctorView doctor,
            String name,
            String specialty,
            String kind,
            long priceKopecks,
            String visibility,
            String format) {
        return clinics.services()
                .addService(
                        admin,
                        doctor.clinicId(),
                        new ServiceForm(
                                name,
                                specialty,
                                format,
                                kind,
                                30,
                                priceKopecks,
                                List.of(doctor.id().value().toString()),
                                visibility,
                                true));
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
    public static String token(IdentityFacades identity, DoctorView doctor) {
        return identity.tokens().tokensFor(signedIn(doctor)).accessToken();
    }

    /** Opens the doctor's schedule: slots every 30 minutes, 08:00 to 19:30, for the coming two weeks. */
    public static void openSchedule(ScheduleTemplates scheduleTemplates, DoctorId doctor) {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));
        openSchedule(
                scheduleTemplates,
                TestClinics.PLATFORM,
                doctor,
                new Hours("Приём", today, today.plusDays(13), "08:00", "19:30"),
                List.of(scheduleTemplates.servicesOf(doctor).get(0).id().value().toString()));
    }

    /** Creates and activates a template of 30-minute slots every day of the week, as {@code admin} does. */
    public static TemplateView openSchedule(
            ScheduleTemplates scheduleTemplates,
            SignedInUser admin,
            DoctorId doctor,
            Hours hours,
            List<String> serviceIds) {
        var template = scheduleTemplates.createTemplate(
                admin,
                doctor,
                new TemplateForm(
                        hours.name(),
                        hours.from().toString(),
                        hours.to().toString(),
                        List.of("1", "2", "3", "4", "5", "6", "7"),
                        hours.firstStart(),
                        hours.lastStart(),
                        30,
                        List.of(),
                        serviceIds));
        return scheduleTemplates.activate(admin, template.id());
    }

    /** The demo clinic's doctor (doctor@demo.medkarta.org), made by the demo data. */
    public static DoctorView demoDoctor(ClinicFacades clinics) {
        // By name: a run's database holds more doctors than one search answers with.
        return clinics.catalogue().findDoctors(null, "Петров", null).stream()
                .filter(view -> "doctor@demo.medkarta.org".equals(view.email()))
                .findFirst()
                .orElseThrow();
    }

    /** A real care relationship: a referral of the patient to the doctor (SPEC F4), valid for a month from {@code now}. */
    public static void refer(PatientReferrals patientReferrals, PatientId patient, DoctorView doctor, Instant now) {
        patientReferrals.issueReferral(
                patient, doctor.specialties().get(0).code(), doctor.id(), now.plus(Duration.ofDays(30)), null);
    }

    /**
     * The patient books the doctor's first free slot a day or more ahead, through the scheduling
     * facade as the booking API does: a care relationship for as long as it stays booked.
     */
    public static AppointmentView appointment(
            SlotSearch slotSearch, Booking booking, SignedInUser patient, DoctorId doctor) {
        var slot = slotSearch
                .search(
                        patient,
                        new SlotQuery(doctor, null, null, null, Instant.now().plus(Duration.ofDays(1)), null, 1, 0))
                .stream()
                .findFirst()
                .orElseThrow(() -> new AssertionError("no free slot of " + doctor));
        return booking.book(
                patient,
                new BookingRequest(slot.slotId(), patient.patientId(), slot.serviceId(), null, null, true),
                "127.0.0.1");
    }
}
