package org.medkarta.scheduling;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DoctorId;

/** A schedule template as its editor shows it; breaks as {@code 13:00-14:00}. */
public record TemplateView(
        UUID id,
        DoctorId doctorId,
        ClinicId clinicId,
        String name,
        LocalDate validFrom,
        LocalDate validTo,
        List<DayOfWeek> weekdays,
        LocalTime firstStart,
        LocalTime lastStart,
        int slotMinutes,
        List<String> breaks,
        List<UUID> serviceIds,
        boolean active) {}
