package org.medkarta.scheduling;

import java.time.Instant;
import org.medkarta.clinic.ServiceFormat;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;

/**
 * What a slot search asks for; every filter may be null. {@code from} and {@code to} default to now
 * and the booking horizon.
 */
public record SlotQuery(
        DoctorId doctor,
        String specialty,
        ClinicId clinic,
        ServiceFormat format,
        Instant from,
        Instant to,
        int limit) {}
