package org.medkarta.consultation;

import org.medkarta.scheduling.AppointmentBooked;
import org.medkarta.scheduling.AppointmentCancelled;
import org.medkarta.scheduling.AppointmentRescheduled;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Follows scheduling: a telemedicine booking opens a request, a cancellation or a move follows it.
 *
 * <p>The request opens in the booking's follow-up transaction, which commits before the booking
 * answers, under the id the booking answers with ({@link AppointmentBooked#consultationId()}); a
 * crash between the booking and its follow-up leaves the follow-up owed and scheduling's job runs it.
 * The id a client gets back finds the request at once, whoever booked (the patient, staff, a representative, a
 * doctor routing or asking a colleague). Opening again for the same appointment opens nothing.
 */
@Component
class AppointmentEvents {

    private final ConsultationRequests consultations;

    AppointmentEvents(ConsultationRequests consultations) {
        this.consultations = consultations;
    }

    @EventListener
    void on(AppointmentBooked booked) {
        consultations.open(booked);
    }

    @ApplicationModuleListener
    void on(AppointmentCancelled cancelled) {
        consultations.appointmentCancelled(cancelled.appointmentId());
    }

    @ApplicationModuleListener
    void on(AppointmentRescheduled moved) {
        consultations.appointmentMoved(moved.appointmentId(), moved.start(), moved.end());
    }
}
