package org.medkarta.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminders before an appointment (SPEC C8): at each lead time the clinic is configured with, the
 * patient is told once, never after a cancellation, however many nodes run the job.
 */
@Service
public class AppointmentReminders {

    private final Appointments appointments;
    private final Reminders reminders;
    private final AppointmentNotices notices;
    private final SchedulingProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    AppointmentReminders(
            Appointments appointments,
            Reminders reminders,
            AppointmentNotices notices,
            SchedulingProperties properties,
            TransactionTemplate transaction,
            Clock clock) {
        this.appointments = appointments;
        this.reminders = reminders;
        this.notices = notices;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Sends every reminder due now, each exactly once: a reminder is recorded in the same
     * transaction that queues its messages, with the appointment locked, so a cancellation in
     * between and a second node running at once both send nothing. Returns how many went out.
     */
    public int sendDueReminders() {
        int sent = 0;
        Instant now = clock.instant();
        for (Duration before : properties.reminders()) {
            String kind = "before-" + before.toMinutes() + "m";
            for (UUID id : transaction.execute(status -> appointments.dueReminders(kind, before, now, 500))) {
                Boolean done = transaction.execute(status -> appointments
                        .lock(id)
                        .filter(a -> a.status() == AppointmentStatus.BOOKED
                                && a.start().isAfter(now))
                        .filter(a -> reminders.mark(id, kind, a.start(), now))
                        .map(a -> {
                            notices.remind(a, kind, before);
                            return true;
                        })
                        .orElse(false));
                sent += Boolean.TRUE.equals(done) ? 1 : 0;
            }
        }
        return sent;
    }
}
