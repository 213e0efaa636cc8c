package org.medkarta.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;

/**
 * A clinic's figures over a period (SPEC J3): every day of the period, every doctor with any figure,
 * and the totals. States that depend on time (overdue, missed) are read at {@code at}.
 *
 * @param timeZone the clinic's zone, in which days begin and end
 * @param doctor the doctor the figures are limited to, or null for all
 * @param service the service the figures are limited to, or null for all
 */
public record ClinicDashboard(
        ClinicId clinic,
        String clinicName,
        String timeZone,
        LocalDate from,
        LocalDate to,
        DoctorId doctor,
        UUID service,
        Instant at,
        Figures totals,
        List<Day> days,
        List<Doctor> doctors,
        WalkInWaits walkIn) {

    /**
     * The figures of one day, one doctor, or all.
     *
     * @param bookedSlots slots held by an appointment
     * @param freeSlots slots nobody booked (in the past: time left unused)
     * @param closedSlots slots closed by hand
     * @param load booked slots as a share (0–1) of booked and free ones; null when there were none
     * @param newRequests requests waiting to be taken whose start is still ahead
     * @param overdue requests not taken into work by their start (SPEC D3), missed ones included
     * @param missed requests whose whole appointment time passed without them being taken into work:
     *     the product records no attendance, so this is the nearest it comes to a no-show
     * @param inWork requests taken into work and not closed
     * @param closed requests closed by their protocol
     * @param cancelled requests whose appointment was cancelled
     * @param meanMinutesToTake the mean minutes from a request's start to its being taken into work
     *     (negative: taken before the start, allowed from 15 minutes before); null when none was taken
     * @param protocolsSent protocols sent (counted by the day they were sent)
     */
    public record Figures(
            long bookedSlots,
            long freeSlots,
            long closedSlots,
            Double load,
            long newRequests,
            long overdue,
            long missed,
            long inWork,
            long closed,
            long cancelled,
            Double meanMinutesToTake,
            long protocolsSent,
            long noShows) {}

    /** One day of the period, in the clinic's zone. */
    public record Day(LocalDate date, Figures figures) {}

    /** One doctor's figures over the period. */
    public record Doctor(DoctorId id, String name, Figures figures) {}

    /** Walk-in queue waits (SPEC C9), one row per doctor who served the clinic's walk-in queues. */
    public record WalkInWaits(List<WalkInDoctor> doctors) {}

    /**
     * One doctor's walk-in patients over the period: served, not come, the mean wait (null when none
     * was served) and the longest, in minutes.
     */
    public record WalkInDoctor(
            DoctorId id, String name, long served, long noShows, Double meanWaitMinutes, int maxWaitMinutes) {}
}
