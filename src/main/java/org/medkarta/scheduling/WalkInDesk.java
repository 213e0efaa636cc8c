package org.medkarta.scheduling;

/**
 * One walk-in queue as a doctor on duty in it works it: the queue, their room, the patient with
 * them now (null when nobody) and how many wait.
 */
public record WalkInDesk(WalkInQueueView queue, String room, WalkInTicket current, int waiting) {}
