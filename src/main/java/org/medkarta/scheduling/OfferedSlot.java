package org.medkarta.scheduling;

import java.time.Instant;
import java.util.UUID;
import org.medkarta.clinic.ServiceFormat;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;

/** A free slot for one of the services that may be booked in it, as search shows it (SPEC C3). */
public record OfferedSlot(
        UUID slotId,
        DoctorId doctorId,
        String doctorName,
        ClinicId clinicId,
        UUID serviceId,
        String serviceName,
        ServiceFormat format,
        long priceKopecks,
        Instant start,
        Instant end) {}
