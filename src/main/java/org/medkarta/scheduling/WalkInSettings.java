package org.medkarta.scheduling;

/**
 * Which waiting patients a clinic's walk-in queues call first: those with an appointment at the
 * clinic today, and those the registry marks as privileged (veterans and others the law entitles to
 * be seen first). Privileged before pre-booked before the rest; by number within each.
 */
public record WalkInSettings(boolean prebookedFirst, boolean privilegedFirst) {

    /** What a clinic that chose nothing gets: one line by number. */
    public static final WalkInSettings NONE = new WalkInSettings(false, false);
}
