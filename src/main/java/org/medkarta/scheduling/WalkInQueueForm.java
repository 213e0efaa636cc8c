package org.medkarta.scheduling;

import java.util.List;

/**
 * A walk-in queue as an administrator writes it: {@code day} {@code yyyy-MM-dd}, {@code opensAt}
 * and {@code closesAt} {@code HH:mm} in the clinic's zone, the doctors on duty by id.
 */
public record WalkInQueueForm(
        String name,
        String specialty,
        String room,
        String day,
        String opensAt,
        String closesAt,
        List<String> doctorIds) {}
