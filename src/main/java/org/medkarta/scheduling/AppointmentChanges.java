package org.medkarta.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cancelling and rescheduling an appointment (SPEC C5, C8; A9, B8): a cancellation frees the slot at
 * once and a clinic's cancellation tells the patient so; a reschedule takes the new slot and frees
 * the old one in one transaction; a closed account cancels its future appointments; an unpaid
 * booking gives its slot back. The patient side (the patient, whoever may act for them) and the
 * staff managing the doctor change an appointment; anyone else gets {@link NotFound}.
 */
@Service
public class AppointmentChanges {

    private final Appointments appointments;
    private final Slots slots;
    private final Referrals referrals;
    private final Locks locks;
    private final AppointmentNotices notices;
    private final ScheduleRules rules;
    private final AppointmentCancelling cancelling;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AppointmentChanges(
            Appointments appointments,
            Slots slots,
            Referrals referrals,
            Locks locks,
            AppointmentNotices notices,
            ScheduleRules rules,
            AppointmentCancelling cancelling,
            ApplicationEventPublisher events,
            Clock clock) {
        this.appointments = appointments;
        this.slots = slots;
        this.referrals = referrals;
        this.locks = locks;
        this.notices = notices;
        this.rules = rules;
        this.cancelling = cancelling;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Cancels an appointment and frees its slot at once. A cancellation by the clinic's staff tells
     * the patient so.
     *
     * @throws SchedulingRefusal {@code already-started} or {@code appointment-not-active}
     */
    @Transactional
    public AppointmentView cancel(SignedInUser actor, UUID id) {
        var appointment = appointments.lock(id).orElseThrow(NotFound::new);
        boolean patientSide = rules.isPatientSide(actor, appointment);
        if (!patientSide && !rules.manages(actor, appointment.doctorId())) {
            throw new NotFound();
        }
        cancelling.cancelLocked(actor.userId(), id, !patientSide, clock.instant());
        return appointments.find(id).orElseThrow();
    }

    /**
     * Cancels every future appointment of a patient who closed their account (SPEC A9), in the
     * closing transaction and through the ordinary cancellation: each slot is freed, the patient is
     * told (while their contacts are still on the account) and so is the doctor. So are the future
     * appointments the closing person booked for someone they acted for (a child under 15, a FULL
     * grant, ADR 0018): nobody who booked them would be reminded or could move them any more. The
     * child's record is not closed; another parent books the child again.
     */
    @org.springframework.context.event.EventListener
    void on(org.medkarta.identity.AccountClosed closed) {
        var future = new java.util.ArrayList<AppointmentView>();
        if (closed.patient() != null) {
            future.addAll(appointments.ofPatient(closed.patient(), AppointmentStatus.BOOKED));
        }
        future.addAll(appointments.bookedForOthersBy(closed.user(), closed.patient()));
        for (var appointment : future) {
            if (appointment.start().isAfter(closed.at())) {
                cancelling.cancelLocked(closed.user(), appointment.id(), false, closed.at());
                notices.cancelledByClosure(appointment);
            }
        }
    }

    /**
     * Gives back the slot of a booking whose payment never came (SPEC B8, issue 20): the payment
     * module holds a paid service's slot for a while and, when the hold lapses, calls this in the same
     * transaction as its own conditional update, so the slot is freed exactly once. Nobody cancelled
     * it, so no one is named; the event and the notice are those of a cancellation by the patient's side.
     *
     * @return whether the appointment was still booked and is now cancelled
     */
    @Transactional
    public boolean releaseUnpaid(UUID id) {
        var appointment = appointments.lock(id).orElse(null);
        if (appointment == null || appointment.status() != AppointmentStatus.BOOKED) {
            return false;
        }
        Instant now = clock.instant();
        appointments.cancel(id, null, false, now);
        slots.release(appointment.slotId(), id);
        referrals.giveBack(id);
        events.publishEvent(new AppointmentCancelled(id, appointment.patientId(), false, now));
        notices.cancelled(appointment, false);
        return true;
    }

    /**
     * Moves an appointment to another free slot of the same doctor and service in one transaction:
     * the new slot is taken and the old one freed together, or nothing changes.
     *
     * @throws SchedulingRefusal {@code slot-taken}, {@code overlapping-appointment}, {@code
     *     already-started}, {@code appointment-not-active}
     */
    @Transactional
    public AppointmentView reschedule(SignedInUser actor, UUID id, UUID slotId) {
        var seen = appointments.find(id).orElseThrow(NotFound::new);
        if (!rules.isPatientSide(actor, seen) && !rules.manages(actor, seen.doctorId())) {
            throw new NotFound();
        }
        if (slotId == null) {
            throw new InvalidInput("slotId", "validation.required");
        }
        locks.hold(seen.patientId().value());
        var appointment = appointments.lock(id).orElseThrow(NotFound::new);
        Instant now = clock.instant();
        if (appointment.status() != AppointmentStatus.BOOKED) {
            throw SchedulingRefusal.notBooked();
        }
        if (!appointment.start().isAfter(now)) {
            throw SchedulingRefusal.alreadyStarted();
        }
        var slot = slots.find(slotId)
                .filter(s -> s.doctorId().equals(appointment.doctorId()))
                .filter(s -> s.serviceIds().contains(appointment.serviceId()))
                .orElseThrow(() -> new InvalidInput("slotId", "scheduling.validation.other-slot"));
        if (slot.id().equals(appointment.slotId())) {
            return appointment;
        }
        rules.checkBookable(slot, now);
        if (appointments.overlaps(appointment.patientId(), slot.start(), slot.end(), id)) {
            throw SchedulingRefusal.overlappingAppointment();
        }
        if (!slots.take(slot.id(), id)) {
            throw SchedulingRefusal.slotTaken();
        }
        slots.release(appointment.slotId(), id);
        appointments.move(id, slot, now);
        var moved = appointments.find(id).orElseThrow();
        events.publishEvent(
                new AppointmentRescheduled(id, moved.patientId(), appointment.start(), slot.start(), slot.end(), now));
        notices.rescheduled(moved);
        return moved;
    }
}
