package org.medkarta.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;

/**
 * A slot of a doctor's schedule: its instants, the services that may be booked in it, its status
 * and, when booked, the appointment holding it.
 */
public record SlotView(
        UUID id,
        DoctorId doctorId,
        ClinicId clinicId,
        UUID templateId,
        Instant start,
        Instant end,
        SlotStatus status,
        List<UUID> serviceIds,
        UUID appointmentId) {}
