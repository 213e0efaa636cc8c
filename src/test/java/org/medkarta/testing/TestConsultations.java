package org.medkarta.testing;

import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.clinic.ServiceFormat;
import org.medkarta.clinic.ServiceKind;
import org.medkarta.consultation.ConsultationDesk;
import org.medkarta.consultation.ConsultationState;
import org.medkarta.consultation.ConsultationView;
import org.medkarta.consultation.DeskFilter;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.Booking;
import org.medkarta.scheduling.BookingRequest;
import org.medkarta.scheduling.SlotQuery;
import org.medkarta.scheduling.SlotSearch;

/**
 * Consultation requests for browser tests, made as a patient makes them: a new patient books the
 * demo therapist by video and the consultation module opens the request once the booking commits.
 */
public final class TestConsultations {

    /** The patient who booked, their phone (to sign them in by code) and the request that opened. */
    public record Booked(SignedInUser patient, String phone, ConsultationView consultation) {}

    private TestConsultations() {}

    /**
     * A new patient named {@code lastName} books the demo therapist's first video slot of {@code kind}
     * two days or more after the clock's now, with {@code complaints}; returns once the request opened.
     */
    public static Booked bookWithDemoDoctor(
            IdentityFacades identity,
            ClinicFacades clinics,
            SlotSearch slotSearch,
            Booking booking,
            ConsultationDesk consultations,
            Clock clock,
            String lastName,
            ServiceKind kind,
            String complaints) {
        String phone = Phones.unique();
        var account = TestPatients.register(identity, lastName, "Антон", "Павлович", phone, "1975-05-06");
        var patient = new SignedInUser(
                account.userId(),
                lastName,
                account.patientId(),
                List.of(new RoleGrant(Role.PATIENT, null)),
                "SMS_CODE");
        var doctor = TestCare.demoDoctor(clinics);
        var service = clinics.catalogue().servicesOf(doctor.id()).stream()
                .filter(s -> s.format() == ServiceFormat.VIDEO && s.kind() == kind)
                .findFirst()
                .orElseThrow();
        var slot = slotSearch
                .search(
                        patient,
                        new SlotQuery(
                                doctor.id(),
                                null,
                                null,
                                ServiceFormat.VIDEO,
                                clock.instant().plus(Duration.ofDays(2)),
                                null,
                                50))
                .stream()
                .filter(s -> s.serviceId().equals(service.id().value()))
                .findFirst()
                .orElseThrow();
        var appointment = booking.book(
                patient, new BookingRequest(slot.slotId(), null, slot.serviceId(), null, complaints, true), "test");
        return new Booked(patient, phone, opened(consultations, patient, appointment.id()));
    }

    /** The request the appointment opened, waited for: the consultation module opens it after the booking commits. */
    public static ConsultationView opened(ConsultationDesk consultations, SignedInUser patient, UUID appointment) {
        return await("the consultation of appointment " + appointment)
                .atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(50))
                .until(
                        () -> consultations.desk(patient, ConsultationState.NEW, DeskFilter.NONE).stream()
                                .filter(c -> c.appointmentId().equals(appointment))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }
}
