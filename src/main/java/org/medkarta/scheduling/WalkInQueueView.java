package org.medkarta.scheduling;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.medkarta.shared.ClinicId;

/**
 * A walk-in queue of one clinic for one day and specialty or room («Дежурный терапевт, каб. 12,
 * 08:00–20:00»), with the doctors on duty and how many wait now.
 */
public record WalkInQueueView(
        UUID id,
        ClinicId clinicId,
        String clinicName,
        String name,
        String specialty,
        String room,
        LocalDate day,
        LocalTime opensAt,
        LocalTime closesAt,
        List<WalkInDuty> doctors,
        int waiting) {}
