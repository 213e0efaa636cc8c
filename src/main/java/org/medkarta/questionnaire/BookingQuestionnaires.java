package org.medkarta.questionnaire;

import java.time.Clock;
import java.util.UUID;
import org.medkarta.scheduling.AppointmentBooked;
import org.medkarta.scheduling.AppointmentCancelled;
import org.medkarta.scheduling.AppointmentRescheduled;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The questionnaires attached to a service are asked of each patient who books it (SPEC E9): the
 * booking event makes an assignment due at the appointment's start, a cancellation withdraws it,
 * a move makes it due at the new start. Scheduling knows nothing of questionnaires.
 */
@Component
class BookingQuestionnaires {

    private final Questionnaires questionnaires;
    private final Responses responses;
    private final QuestionnaireNotices notices;
    private final Clock clock;

    BookingQuestionnaires(
            Questionnaires questionnaires, Responses responses, QuestionnaireNotices notices, Clock clock) {
        this.questionnaires = questionnaires;
        this.responses = responses;
        this.notices = notices;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(AppointmentBooked booked) {
        if (booked.serviceId() == null) {
            return;
        }
        for (UUID series : questionnaires.seriesOfService(booked.clinic(), booked.serviceId())) {
            // Derived from the appointment and series, so a redelivered event finds the same row.
            UUID id = UUID.nameUUIDFromBytes(("medkarta:questionnaire:" + booked.appointmentId() + ":" + series)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            boolean added = responses.assign(
                    id,
                    series,
                    booked.patient(),
                    booked.appointmentId().toString(),
                    booked.appointmentId(),
                    booked.patientUser(),
                    booked.start(),
                    clock.instant());
            if (added) {
                var assignment = responses.assignment(id).orElseThrow();
                questionnaires.publishedOf(series).ifPresent(published -> notices.asked(assignment, published));
            }
        }
    }

    @ApplicationModuleListener
    void on(AppointmentCancelled cancelled) {
        responses.cancelFor(cancelled.appointmentId(), cancelled.cancelledAt());
    }

    @ApplicationModuleListener
    void on(AppointmentRescheduled moved) {
        responses.moveFor(moved.appointmentId(), moved.start());
    }
}
