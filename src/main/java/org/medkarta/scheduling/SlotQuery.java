package org.medkarta.scheduling;

import java.time.Instant;
import org.medkarta.clinic.ServiceFormat;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;

/**
 * What a slot search asks for; every filter may be null. {@code from} and {@code to} default to now
 * and the booking horizon. The answer is one page of free slots, nearest first: {@code size} slots
 * (at most 500) after skipping {@code page × size}; each slot appears once per service bookable in it.
 */
public record SlotQuery(
        DoctorId doctor,
        String specialty,
        ClinicId clinic,
        ServiceFormat format,
        Instant from,
        Instant to,
        int limit,
        int page) {

    /** The first page of {@code limit} slots. */
    public SlotQuery(
            DoctorId doctor,
            String specialty,
            ClinicId clinic,
            ServiceFormat format,
            Instant from,
            Instant to,
            int limit) {
        this(doctor, specialty, clinic, format, from, to, limit, 0);
    }
}
