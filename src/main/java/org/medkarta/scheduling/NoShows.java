package org.medkarta.scheduling;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.Columns;
import org.medkarta.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * «Пациент не пришёл» (SPEC J3, the dashboards' no-shows): the doctor or the staff managing them mark
 * an appointment whose time came without the patient. The appointment stays booked (its time is spent)
 * and records when and by whom; the clinic's dashboard counts it. Marking twice changes nothing.
 */
@Service
public class NoShows {

    private final DoctorSchedules doctorSchedules;
    private final Appointments appointments;
    private final JdbcClient jdbc;
    private final Clock clock;

    NoShows(DoctorSchedules doctorSchedules, Appointments appointments, JdbcClient jdbc, Clock clock) {
        this.doctorSchedules = doctorSchedules;
        this.appointments = appointments;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records that the patient did not come.
     *
     * @throws NotFound unless {@code actor} manages the appointment's doctor (the patient's side included)
     * @throws SchedulingRefusal {@code appointment-not-active} for a cancelled one, {@code
     *     appointment-not-started} before its start
     */
    @Transactional
    public AppointmentView mark(SignedInUser actor, UUID appointment) {
        var seen = appointments.lock(appointment).orElseThrow(NotFound::new);
        if (!mayMark(actor, seen)) {
            throw new NotFound();
        }
        if (seen.status() != AppointmentStatus.BOOKED) {
            throw SchedulingRefusal.notBooked();
        }
        Instant now = clock.instant();
        if (now.isBefore(seen.start())) {
            throw SchedulingRefusal.notStarted();
        }
        jdbc.sql("""
                        UPDATE scheduling_appointment SET no_show_at = :at, no_show_by = :by
                        WHERE id = :id AND status = 'BOOKED' AND no_show_at IS NULL
                        """)
                .param("at", Columns.utc(now))
                .param("by", actor.userId().value())
                .param("id", seen.id())
                .update();
        return appointments.find(seen.id()).orElseThrow();
    }

    /** Whether the person may mark this appointment: the staff managing its doctor, the doctor among them. */
    public boolean mayMark(SignedInUser actor, AppointmentView appointment) {
        return actor != null && doctorSchedules.manages(actor, appointment.doctorId());
    }

    /** Whether the mark is offered now: booked, begun, not yet marked. */
    public boolean markable(AppointmentView appointment) {
        return appointment.status() == AppointmentStatus.BOOKED
                && !appointment.noShow()
                && !clock.instant().isBefore(appointment.start());
    }
}
