package org.medkarta.scheduling;

import java.time.LocalDate;
import org.medkarta.shared.DoctorId;

/** Walk-in waits of one doctor on one day: mean and longest wait, patients served and not come. */
public record WalkInWaits(
        DoctorId doctorId, LocalDate day, double meanWaitMinutes, int maxWaitMinutes, int served, int noShows) {}
