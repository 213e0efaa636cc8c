package org.medkarta.payment;

import java.util.Optional;
import java.util.UUID;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.AppointmentReading;
import org.medkarta.scheduling.AppointmentView;
import org.medkarta.scheduling.Booking;
import org.medkarta.shared.NotFound;
import org.springframework.stereotype.Service;

/**
 * The patient pays for a booked paid service and sees their payment (SPEC B8). Only the patient's side
 * of the appointment — the patient or whoever acts for them — pays and sees it; to anyone else a
 * payment answers 404, like the appointment.
 */
@Service
public class Checkout {

    private final Ledger ledger;
    private final Settlement settlement;
    private final Booking booking;
    private final AppointmentReading appointmentReading;

    Checkout(Ledger ledger, Settlement settlement, Booking booking, AppointmentReading appointmentReading) {
        this.ledger = ledger;
        this.settlement = settlement;
        this.booking = booking;
        this.appointmentReading = appointmentReading;
    }

    /**
     * Starts paying for the appointment, or answers the payment as it stands: a waiting payment with
     * the page to pay on, a paid one without. Asking again never charges twice.
     *
     * @throws PaymentRefusal {@code payment-not-needed}, {@code payment-closed}, {@code
     *     payment-provider-unavailable}
     */
    public PaymentView pay(SignedInUser actor, UUID appointment) {
        patientSide(actor, appointment);
        var payment = ledger.ofAppointment(appointment).orElseThrow(PaymentRefusal::notNeeded);
        return view(settlement.pay(payment));
    }

    /** A payment, for its patient's side only. */
    public PaymentView payment(SignedInUser actor, UUID id) {
        var payment = ledger.find(id).orElseThrow(NotFound::new);
        patientSide(actor, payment.appointmentId());
        return view(payment);
    }

    /** The payment of an appointment, if it has one, for its patient's side. */
    public Optional<PaymentView> ofAppointment(SignedInUser actor, UUID appointment) {
        patientSide(actor, appointment);
        return ledger.ofAppointment(appointment).map(this::view);
    }

    private AppointmentView patientSide(SignedInUser actor, UUID appointment) {
        AppointmentView seen;
        try {
            seen = appointmentReading.appointment(actor, appointment);
        } catch (NotFound notYours) {
            throw new NotFound();
        }
        boolean own = seen.patientId().equals(actor.patientId())
                || seen.patientUserId().equals(actor.userId())
                || booking.representedBy(actor).stream()
                        .anyMatch(r -> r.patientId().equals(seen.patientId()));
        if (!own) {
            throw new NotFound();
        }
        return seen;
    }

    PaymentView view(Ledger.PaymentRow payment) {
        return Views.of(payment, settlement.confirmationUrl(payment), ledger.refunds(payment.id()));
    }
}
