package org.medkarta.clinic;

import java.time.Instant;
import java.time.LocalDate;
import org.medkarta.shared.ClinicId;

/**
 * A clinic's whole profile, as its administrators see it; {@code latitude} and {@code longitude}
 * (WGS 84 degrees) are both null until the administrator puts the clinic on the map.
 */
public record ClinicView(
        ClinicId id,
        String name,
        String inn,
        String ogrn,
        String licenseNumber,
        LocalDate licenseDate,
        String region,
        String regionName,
        String address,
        String timezone,
        String phone,
        String phoneExtra,
        String email,
        String site,
        String description,
        boolean hasLogo,
        Instant createdAt,
        Double latitude,
        Double longitude) {}
