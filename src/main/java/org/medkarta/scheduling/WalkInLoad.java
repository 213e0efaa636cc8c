package org.medkarta.scheduling;

import java.util.UUID;
import org.medkarta.shared.DoctorId;

/**
 * One doctor's load in one walk-in queue today, for the head of department (seed 002: «отслеживать
 * загрузку врачей»): how many wait in the queue, whom the doctor has now, how many they served and
 * how long their patients waited.
 */
public record WalkInLoad(
        UUID queueId,
        String queueName,
        DoctorId doctorId,
        String doctorName,
        String room,
        int waiting,
        String current,
        int served,
        int noShows,
        int meanWaitMinutes,
        int maxWaitMinutes) {}
