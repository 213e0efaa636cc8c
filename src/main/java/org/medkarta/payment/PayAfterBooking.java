package org.medkarta.payment;

import java.util.Optional;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.AfterBooking;
import org.medkarta.scheduling.AppointmentView;
import org.medkarta.shared.DomainException;
import org.springframework.stereotype.Component;

/**
 * Leads the patient who booked a paid service straight on to paying (issue 20): the booking's hold is
 * open by now (it opens in the booking's follow-up transaction), so the try at the provider starts at
 * once and the page sends the patient to the provider, the API answers the confirmation URL. When the
 * provider does not answer, the step still shows, without the URL: the payment page asks again.
 */
@Component
class PayAfterBooking implements AfterBooking {

    private final Ledger ledger;
    private final Checkout checkout;

    PayAfterBooking(Ledger ledger, Checkout checkout) {
        this.ledger = ledger;
        this.checkout = checkout;
    }

    @Override
    public Optional<NextStep> next(SignedInUser actor, AppointmentView booked) {
        var held = ledger.ofAppointment(booked.id()).orElse(null);
        if (held == null
                || held.state() != PaymentState.AWAITING_PAYMENT
                || !held.patientUserId().equals(actor.userId())) {
            return Optional.empty();
        }
        PaymentView payment;
        try {
            payment = checkout.pay(actor, booked.id());
        } catch (DomainException notNow) {
            payment = checkout.view(ledger.find(held.id()).orElseThrow());
        }
        return Optional.of(new NextStep(
                "payment",
                payment.id(),
                payment.state().name(),
                "/payments/" + payment.id(),
                payment.confirmationUrl(),
                payment.holdUntil()));
    }
}
