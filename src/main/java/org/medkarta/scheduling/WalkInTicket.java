package org.medkarta.scheduling;

import java.time.Instant;
import java.util.UUID;
import org.medkarta.shared.DoctorId;
import org.medkarta.shared.PatientId;

/**
 * A ticket of a walk-in queue. {@code number} is what the board and the patient read ({@code
 * Т-015}); {@code position} counts from 1 among those waiting (0 once called); {@code
 * estimatedWaitMinutes} is derived from the recent service times. {@code patientName} is filled
 * only for staff who may see it (the doctor who called the ticket, the registry).
 */
public record WalkInTicket(
        UUID id,
        UUID queueId,
        String queueName,
        String number,
        int position,
        int estimatedWaitMinutes,
        WalkInTicketStatus status,
        WalkInChannel channel,
        PatientId patientId,
        String patientName,
        DoctorId doctorId,
        String room,
        Instant takenAt,
        Instant calledAt,
        Instant finishedAt) {}
