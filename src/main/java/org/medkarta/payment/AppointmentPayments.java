package org.medkarta.payment;

import org.medkarta.scheduling.AppointmentBooked;
import org.medkarta.scheduling.AppointmentCancelled;
import org.medkarta.scheduling.AppointmentRescheduled;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Follows scheduling. The hold opens in the booking's follow-up transaction (which commits before
 * the booking answers, and which scheduling's job repeats if a crash cut it), so the patient can pay
 * at once; a cancellation is handled after it commits, and the event publication registry keeps it
 * until it was, so a refund owed is never forgotten.
 */
@Component
class AppointmentPayments {

    private final Settlement settlement;
    private final Ledger ledger;

    AppointmentPayments(Settlement settlement, Ledger ledger) {
        this.settlement = settlement;
        this.ledger = ledger;
    }

    @EventListener
    void on(AppointmentBooked booked) {
        settlement.open(booked);
    }

    @ApplicationModuleListener
    void on(AppointmentCancelled cancelled) {
        settlement.cancelled(cancelled);
    }

    /** The refund cut-off counts from the new start. */
    @ApplicationModuleListener
    void on(AppointmentRescheduled moved) {
        ledger.moveStart(moved.appointmentId(), moved.start());
    }
}
