package org.medkarta.scheduling;

import java.time.ZonedDateTime;
import java.util.UUID;
import org.medkarta.clinic.ServiceFormat;
import org.medkarta.shared.ClinicId;

/**
 * What a page shows about a slot or an appointment: who, what, where and when, the time in the
 * clinic's zone.
 *
 * @param appointment the appointment, or null for a slot being booked
 * @param documentsAccepted whether the patient accepted the clinic's current offer and consent
 */
public record AppointmentCard(
        AppointmentView appointment,
        UUID slotId,
        UUID serviceId,
        String doctorName,
        String serviceName,
        ServiceFormat format,
        long priceKopecks,
        ClinicId clinicId,
        String clinicName,
        ZonedDateTime start,
        ZonedDateTime end,
        boolean documentsAccepted) {

    public java.math.BigDecimal priceRoubles() {
        return java.math.BigDecimal.valueOf(priceKopecks, 2);
    }
}
