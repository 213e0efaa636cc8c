package org.medkarta.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medkarta.testing.StatementLog;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

/**
 * The booking hot path (issue 18): what a booking costs the database — the statements of {@code POST
 * /api/v1/appointments} as the JDBC driver sees them, printed for the benchmark's README and counted —
 * and the follow-up a failure between the booking and its follow-up leaves to the job.
 */
@Import({StatementLog.class, BookingHotPathIT.FailingFollowUp.class})
class BookingHotPathIT extends SchedulingSupport {

    /** Fails every follow-up while {@link #failing} is set, as a crash after the booking's commit would. */
    static class FailingFollowUp {
        static volatile boolean failing;

        @EventListener
        void on(AppointmentBooked booked) {
            if (failing) {
                throw new IllegalStateException("the follow-up fails (test)");
            }
        }
    }

    @AfterEach
    void followUpsWork() {
        FailingFollowUp.failing = false;
    }

    @Test
    void aBookingWhoseFollowUpFailedStandsAndTheJobFollowsItUpExactlyOnce() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        activeTemplate(clinic, doctor, "09:00", "10:00");
        var patient = patient();
        var slot = freeSlots(patient.token(), doctor).get(0).get("id").asString();

        FailingFollowUp.failing = true;
        var booked = book(patient, slot, true);
        assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
        UUID appointment = UUID.fromString(body(booked).get("id").asString());
        FailingFollowUp.failing = false;
        assertThat(consultationsOf(appointment)).as("no request opened yet").isZero();
        assertThat(followedUp(appointment)).isFalse();

        assertThat(booking.followUpOverdue())
                .as("a booking of a moment ago is still its request's to follow up")
                .isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(booking.followUpOverdue()).isGreaterThanOrEqualTo(1);
        assertThat(followedUp(appointment)).isTrue();
        assertThat(consultationsOf(appointment)).isEqualTo(1);

        clock.advance(Duration.ofMinutes(2));
        assertThat(booking.followUpOverdue()).isZero();
        assertThat(consultationsOf(appointment)).isEqualTo(1);
    }

    private long consultationsOf(UUID appointment) {
        return jdbc.sql("SELECT COUNT(*) FROM consultation WHERE appointment_id = :id")
                .param("id", appointment)
                .query(Long.class)
                .single();
    }

    private boolean followedUp(UUID appointment) {
        return jdbc.sql("SELECT followed_up_at IS NOT NULL FROM scheduling_appointment WHERE id = :id")
                .param("id", appointment)
                .query(Boolean.class)
                .single();
    }

    @Test
    void aBookingOfAVideoServiceCostsOneTransactionOfAtMostSixStatements() {
        var clinic = clinic("Europe/Moscow");
        var doctor = doctor(clinic, "therapist", "REGION");
        activeTemplate(clinic, doctor, "09:00", "10:00");
        var patient = patient();
        var slots = freeSlots(patient.token(), doctor);
        book(patient, slots.get(0).get("id").asString(), true);

        var statements = StatementLog.during(() -> assertThat(
                        book(patient, slots.get(1).get("id").asString(), true).statusCode())
                .isEqualTo(201));

        System.out.println("[booking] " + statements.size() + " statements:");
        statements.forEach(line -> System.out.println("[booking]   " + line));
        var booking = transactionOf(statements, "insert into scheduling_appointment (");
        System.out.println("[booking] the booking transaction: " + booking.size() + " statements");
        assertThat(booking)
                .as("the transaction that takes the slot")
                .hasSizeLessThanOrEqualTo(6)
                .noneMatch(sql -> sql.toLowerCase(java.util.Locale.ROOT).contains("event_publication"));
    }

    /** The statements between the COMMIT before the one matching {@code marker} and the COMMIT after it. */
    private static List<String> transactionOf(List<String> statements, String marker) {
        int at = -1;
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i).toLowerCase(java.util.Locale.ROOT).startsWith(marker)) {
                at = i;
            }
        }
        assertThat(at).as("a statement starting with " + marker).isNotNegative();
        int from = at;
        while (from > 0 && !ends(statements.get(from - 1))) {
            from--;
        }
        int to = at;
        while (to < statements.size() && !ends(statements.get(to))) {
            to++;
        }
        assertThat(to).as("the transaction commits").isLessThan(statements.size());
        assertThat(statements.get(to)).isEqualTo("COMMIT");
        return statements.subList(from, to);
    }

    private static boolean ends(String line) {
        return line.equals("COMMIT") || line.equals("ROLLBACK");
    }
}
