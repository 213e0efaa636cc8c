package org.medkarta.scheduling;

import java.time.Instant;
import java.util.UUID;
import org.medkarta.shared.UserId;

/**
 * A reminder before an appointment went out (SPEC C8), published once per appointment, kind and
 * start in the transaction that recorded it, for channels beyond the outbox such as the messenger
 * bot (SPEC J4). It carries no medical data: readers ask {@link AppointmentReading} for the appointment.
 *
 * @param told the account told about the appointment: the patient or whoever acts for them now
 * @param kind {@code before-1440m} and the like
 */
public record AppointmentReminderDue(UUID appointmentId, UserId told, String kind, Instant start) {}
