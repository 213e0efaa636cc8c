package org.medkarta.homevisit;

/**
 * A doctor and a time window on the requested day, as the registry types them.
 *
 * @param from {@code HH:mm} in the clinic's time zone
 * @param to {@code HH:mm}, after {@code from}
 */
public record AssignmentForm(String doctorId, String from, String to) {}
