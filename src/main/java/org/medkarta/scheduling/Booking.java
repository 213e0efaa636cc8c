package org.medkarta.scheduling;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.clinic.ClinicCatalogue;
import org.medkarta.clinic.DoctorView;
import org.medkarta.clinic.OfferAndConsent;
import org.medkarta.clinic.ServiceId;
import org.medkarta.clinic.ServiceKind;
import org.medkarta.clinic.ServiceView;
import org.medkarta.clinic.Visibility;
import org.medkarta.identity.PatientCard;
import org.medkarta.identity.PatientRecordForm;
import org.medkarta.identity.PatientRecords;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.Representation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Booking a free slot (SPEC C4, C6; B8, D10, D11, F1, F3): for oneself or a represented person, by
 * staff for a patient of the clinic found by phone, SNILS or policy number (or a record made for
 * them), by a colleague routing a patient or asking a consultant. Exactly one appointment per slot
 * and no overlapping appointments per patient hold under any concurrency; a referral the service
 * needs is used up; a first booking at a clinic accepts its documents. The booking's follow-up (the
 * {@link AppointmentBooked} event and the notices, C8) runs once per appointment.
 *
 * <p>Refusals are {@link SchedulingRefusal}s named as the public API contract names them.
 */
@Service
public class Booking {

    private static final Logger log = LoggerFactory.getLogger(Booking.class);

    private final Slots slots;
    private final Appointments appointments;
    private final Referrals referrals;
    private final Locks locks;
    private final AppointmentNotices notices;
    private final ClinicCatalogue clinics;
    private final OfferAndConsent offerAndConsent;
    private final PatientRecords patientRecords;
    private final Representation representation;
    private final ScheduleRules rules;
    private final AppointmentCards cards;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final TransactionTemplate readOnly;
    private final Clock clock;
    private final MeterRegistry meters;

    Booking(
            Slots slots,
            Appointments appointments,
            Referrals referrals,
            Locks locks,
            AppointmentNotices notices,
            ClinicCatalogue clinics,
            OfferAndConsent offerAndConsent,
            PatientRecords patientRecords,
            Representation representation,
            ScheduleRules rules,
            AppointmentCards cards,
            ApplicationEventPublisher events,
            TransactionTemplate transaction,
            Clock clock,
            MeterRegistry meters) {
        this.slots = slots;
        this.appointments = appointments;
        this.referrals = referrals;
        this.locks = locks;
        this.notices = notices;
        this.clinics = clinics;
        this.offerAndConsent = offerAndConsent;
        this.patientRecords = patientRecords;
        this.representation = representation;
        this.rules = rules;
        this.cards = cards;
        this.events = events;
        this.transaction = transaction;
        this.readOnly = new TransactionTemplate(transaction.getTransactionManager());
        this.readOnly.setReadOnly(true);
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Books a free slot for the signed-in patient, or for a patient of the doctor's clinic when
     * staff book (SPEC C6). Exactly one appointment per slot and no overlapping appointments of one
     * patient hold under any concurrency: the slot is taken by a conditional update, and a patient's
     * bookings run one at a time on their lock row.
     *
     * <p>Three steps (issue 18): the checks read what they need in one read-only transaction; the
     * booking's own transaction then holds the patient's lock, checks their overlaps, takes the slot,
     * uses the referral and writes the appointment (five statements at most, and the acceptance of the
     * clinic's documents on a patient's first booking there); the follow-up — the event that opens the
     * consultation request and asks the questionnaires, and the notices — runs in a transaction of its
     * own before the answer, so the request the answer names exists. The appointment row records
     * that the follow-up is owed until it has run; {@link #followUpOverdue()} runs whatever a crash
     * between the two left.
     *
     * @param clientAddress where an acceptance of the clinic's documents came from
     * @throws SchedulingRefusal {@code slot-taken}, {@code overlapping-appointment}, {@code
     *     consent-required}, {@code not-visible}, {@code referral-required}, {@code slot-in-past},
     *     {@code booking-not-open}
     */
    public AppointmentView book(SignedInUser actor, BookingRequest request, String clientAddress) {
        Prepared booking;
        try {
            booking = readOnly.execute(status -> prepare(actor, request));
            transaction.executeWithoutResult(status -> take(booking, clientAddress));
        } catch (DomainException refused) {
            counted(refused.problem());
            throw refused;
        }
        counted(null);
        followUp(booking.appointment(), booking.doctor(), booking.service());
        return booking.appointment();
    }

    /**
     * Counts a booking ({@code medkarta.bookings}) or a refusal by its problem name ({@code
     * medkarta.booking.refusals}, tag {@code reason}: a dozen names at most, never an id).
     */
    private void counted(String refusal) {
        if (refusal == null) {
            meters.counter("medkarta.bookings").increment();
        } else {
            meters.counter("medkarta.booking.refusals", "reason", refusal).increment();
        }
    }

    /** What the checks decided: the appointment to write and what its transaction must also do. */
    private record Prepared(
            AppointmentView appointment,
            DoctorView doctor,
            ServiceView service,
            String specialty,
            boolean acceptDocuments) {}

    private Prepared prepare(SignedInUser actor, BookingRequest request) {
        if (request.slot() == null) {
            throw new InvalidInput("slotId", "validation.required");
        }
        var slot = slots.find(request.slot()).orElseThrow(NotFound::new);
        var doctor = clinics.doctor(slot.doctorId()).orElseThrow(NotFound::new);
        // The service is read once; who may be booked depends on its kind, and it is refused (if at
        // all) only after the patient and the slot, in that order.
        UUID serviceId = request.service() != null
                ? request.service()
                : slot.serviceIds().size() == 1 ? slot.serviceIds().get(0) : null;
        var offered = serviceId == null || !slot.serviceIds().contains(serviceId)
                ? Optional.<ServiceView>empty()
                : clinics.service(new ServiceId(serviceId));
        boolean doctorToDoctor =
                offered.map(s -> s.kind() == ServiceKind.DOCTOR_TO_DOCTOR).orElse(false);
        var patient = rules.patientFor(actor, request.patient(), doctor, doctorToDoctor);
        Instant now = clock.instant();
        rules.checkBookable(slot, now);
        if (serviceId == null) {
            throw new InvalidInput("serviceId", "validation.required");
        }
        var service = offered.filter(ServiceView::active)
                .orElseThrow(() -> new InvalidInput("serviceId", "scheduling.validation.service"));
        String specialty = service.specialty().code();
        UUID referral = null;
        if (!doctorToDoctor && clinics.visibility(doctor, service) == Visibility.REFERRAL) {
            referral = request.referral() != null
                    ? request.referral()
                    : referrals
                            .usable(patient.patientId(), specialty, doctor.id(), now)
                            .orElseThrow(SchedulingRefusal::referralRequired);
        }
        if (!doctorToDoctor && !clinics.visibleTo(patient.patientId(), doctor, service, referral != null)) {
            throw SchedulingRefusal.notVisible();
        }
        boolean accept = !doctorToDoctor && !offerAndConsent.hasAccepted(patient.patientId(), doctor.clinicId());
        if (accept && !request.acceptClinicDocuments()) {
            throw SchedulingRefusal.consentRequired();
        }
        String complaint = request.complaint() == null || request.complaint().isBlank()
                ? null
                : request.complaint().strip();
        if (complaint != null && complaint.length() > 2000) {
            throw new InvalidInput("complaint", "scheduling.validation.too-long", 2000);
        }
        var appointment = new AppointmentView(
                UUID.randomUUID(),
                slot.id(),
                patient.patientId(),
                patient.userId(),
                doctor.id(),
                doctor.clinicId(),
                service.id().value(),
                slot.start(),
                slot.end(),
                AppointmentStatus.BOOKED,
                complaint,
                referral,
                actor.userId(),
                now,
                null,
                false,
                1,
                null);
        return new Prepared(appointment, doctor, service, specialty, accept);
    }

    /** The booking's own transaction: every rule that concurrency could break is checked here. */
    private void take(Prepared booking, String clientAddress) {
        var appointment = booking.appointment();
        if (booking.acceptDocuments()) {
            offerAndConsent.accept(appointment.patientId(), appointment.clinicId(), clientAddress);
        }
        locks.hold(appointment.patientId().value());
        if (appointments.overlaps(appointment.patientId(), appointment.start(), appointment.end(), null)) {
            throw SchedulingRefusal.overlappingAppointment();
        }
        if (!slots.take(appointment.slotId(), appointment.id())) {
            throw SchedulingRefusal.slotTaken();
        }
        if (appointment.referralId() != null
                && !referrals.use(
                        appointment.referralId(),
                        appointment.patientId(),
                        booking.specialty(),
                        appointment.doctorId(),
                        appointment.id(),
                        appointment.bookedAt())) {
            throw SchedulingRefusal.referralRequired();
        }
        try {
            appointments.insert(appointment);
        } catch (DuplicateKeyException race) {
            throw SchedulingRefusal.slotTaken();
        }
    }

    /**
     * The booking's follow-up, once per appointment: the event (the consultation module opens the
     * request in this transaction, questionnaires are asked after it) and the notices. A failure
     * leaves the follow-up owed; the booking stands.
     */
    private boolean followUp(AppointmentView appointment, DoctorView doctor, ServiceView service) {
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                if (!appointments.claimFollowUp(appointment.id(), clock.instant())) {
                    return false;
                }
                events.publishEvent(new AppointmentBooked(
                        appointment.id(),
                        appointment.patientId(),
                        appointment.doctorId(),
                        appointment.clinicId(),
                        appointment.serviceId(),
                        appointment.start(),
                        appointment.end(),
                        appointment.bookedAt(),
                        appointment.patientUserId(),
                        appointment.bookedBy(),
                        appointment.complaint()));
                notices.booked(appointment, doctor, service);
                return true;
            }));
        } catch (RuntimeException e) {
            log.warn("The follow-up of appointment {} failed; the follow-up job retries it", appointment.id(), e);
            return false;
        }
    }

    /**
     * Runs the follow-up a crash (or a failure) left owed on appointments booked more than a minute
     * ago; the scheduled job calls it on one node at a time.
     *
     * @return how many appointments were followed up
     */
    public int followUpOverdue() {
        int done = 0;
        for (UUID id : appointments.owedFollowUp(clock.instant().minus(Duration.ofMinutes(1)), 100)) {
            var appointment = appointments.find(id).orElse(null);
            if (appointment == null) {
                continue;
            }
            var doctor = clinics.doctor(appointment.doctorId()).orElse(null);
            var service =
                    clinics.service(new ServiceId(appointment.serviceId())).orElse(null);
            if (doctor != null && service != null && followUp(appointment, doctor, service)) {
                done++;
            }
        }
        return done;
    }

    /**
     * Patients staff may book for, by phone, SNILS or policy number (SPEC C6): a phone can lead to
     * several records.
     */
    public List<PatientCard> findPatients(SignedInUser actor, String query) {
        if (!patientRecords.isClinicStaff(actor)) {
            throw new NotFound();
        }
        return patientRecords.find(actor, query);
    }

    /**
     * Creates a record for a patient who has none, so that staff can book for them (SPEC C6).
     *
     * @throws InvalidInput naming every wrong field
     */
    public PatientCard createPatient(SignedInUser actor, PatientRecordForm form) {
        if (!patientRecords.isClinicStaff(actor)) {
            throw new NotFound();
        }
        return patientRecords.create(actor, form);
    }

    /**
     * A free slot as the confirmation page shows it, with whether the patient still has to accept
     * the clinic's documents.
     */
    @Transactional(readOnly = true)
    public AppointmentCard offer(SignedInUser viewer, UUID slotId, UUID serviceId) {
        var slot = slots.find(slotId).orElseThrow(NotFound::new);
        UUID chosen = serviceId != null ? serviceId : slot.serviceIds().get(0);
        if (!slot.serviceIds().contains(chosen)) {
            throw new NotFound();
        }
        return cards.card(null, slot.id(), slot.doctorId(), slot.clinicId(), chosen, slot.start(), slot.end(), viewer);
    }

    /**
     * The id of the consultation request a telemedicine appointment opens (SPEC D1), for the booking
     * to answer with; empty for an in-person service. See {@link AppointmentBooked#consultationId()}.
     */
    @Transactional(readOnly = true)
    public Optional<UUID> consultationOf(AppointmentView appointment) {
        return clinics.service(new ServiceId(appointment.serviceId()))
                .filter(service -> service.format().remote())
                .map(service -> AppointmentBooked.consultationIdOf(appointment.id()));
    }

    /** The people the signed-in person may book for besides themselves: children under 15, FULL grants. */
    @Transactional(readOnly = true)
    public List<Representation.Represented> representedBy(SignedInUser actor) {
        return actor == null ? List.of() : representation.representedBy(actor.userId());
    }
}
