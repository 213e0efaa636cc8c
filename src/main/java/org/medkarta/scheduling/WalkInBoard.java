package org.medkarta.scheduling;

import java.util.List;
import java.util.UUID;

/**
 * What the waiting-room screen shows (seed 002): the numbers called and their rooms, newest first,
 * and how many wait. No names and no medical data: anyone in the room reads it.
 */
public record WalkInBoard(UUID queueId, String name, String room, List<Line> called, int waiting) {

    /** A number called to a room. */
    public record Line(String number, String room) {}
}
