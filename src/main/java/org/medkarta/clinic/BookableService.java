package org.medkarta.clinic;

import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;

/**
 * One active service of one active doctor, as slot search needs it: who gives it, what it is, and
 * its visibility, already the narrower of the doctor's and the service's (seed 004), and the region of
 * the clinic (SPEC B5: a service visible to the region is offered to the region's patients).
 */
public record BookableService(
        DoctorId doctorId,
        String doctorName,
        ClinicId clinicId,
        ServiceId serviceId,
        String serviceName,
        String specialty,
        ServiceFormat format,
        long priceKopecks,
        Visibility visibility,
        String region) {}
