package org.medkarta.questionnaire;

import java.time.Instant;
import java.util.UUID;
import org.medkarta.shared.ClinicId;

/**
 * A questionnaire a patient is asked to fill («Заполните анкету»).
 *
 * @param questionnaireId the version to fill now (the series' published one)
 * @param assignmentId a booking's or a clinic's request, or null for a questionnaire open to all
 * @param appointmentId the appointment it is asked for, or null
 * @param dueAt the appointment's start, or null
 * @param draftId the draft saved before, or null
 */
public record TaskView(
        UUID questionnaireId,
        UUID seriesId,
        String title,
        ClinicId clinicId,
        UUID assignmentId,
        UUID appointmentId,
        Instant dueAt,
        UUID draftId) {}
