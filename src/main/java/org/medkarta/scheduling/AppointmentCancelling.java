package org.medkarta.scheduling;

import java.time.Instant;
import java.util.UUID;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.UserId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one cancellation of a booked appointment (SPEC C5), in the caller's transaction: the slot is
 * freed, a referral it used is given back, {@link AppointmentCancelled} is published and the patient
 * told. A patient's cancel, a template change the clinic confirms and a closed account all end here.
 */
@Component
class AppointmentCancelling {

    private final Appointments appointments;
    private final Slots slots;
    private final Referrals referrals;
    private final AppointmentNotices notices;
    private final ApplicationEventPublisher events;

    AppointmentCancelling(
            Appointments appointments,
            Slots slots,
            Referrals referrals,
            AppointmentNotices notices,
            ApplicationEventPublisher events) {
        this.appointments = appointments;
        this.slots = slots;
        this.referrals = referrals;
        this.notices = notices;
        this.events = events;
    }

    /**
     * Cancels the appointment, locking it first.
     *
     * @throws SchedulingRefusal {@code appointment-not-active} or {@code already-started}
     */
    void cancelLocked(UserId by, UUID id, boolean byClinic, Instant now) {
        var appointment = appointments.lock(id).orElseThrow(NotFound::new);
        if (appointment.status() != AppointmentStatus.BOOKED) {
            throw SchedulingRefusal.notBooked();
        }
        if (!appointment.start().isAfter(now)) {
            throw SchedulingRefusal.alreadyStarted();
        }
        appointments.cancel(id, by, byClinic, now);
        slots.release(appointment.slotId(), id);
        referrals.giveBack(id);
        events.publishEvent(new AppointmentCancelled(id, appointment.patientId(), byClinic, now));
        notices.cancelled(appointment, byClinic);
    }
}
