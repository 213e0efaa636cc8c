package org.medkarta.consultation;

import org.medkarta.scheduling.AppointmentBooked;
import org.medkarta.scheduling.AppointmentCancelled;
import org.medkarta.scheduling.AppointmentRescheduled;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Follows scheduling: a telemedicine booking opens a request, a cancellation or a move follows it. */
@Component
class AppointmentEvents {

    private final Consultations consultations;

    AppointmentEvents(Consultations consultations) {
        this.consultations = consultations;
    }

    @ApplicationModuleListener
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
