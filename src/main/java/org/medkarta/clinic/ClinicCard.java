package org.medkarta.clinic;

import org.medkarta.shared.ClinicId;

/** What anyone may read about a clinic in the public catalogue. */
public record ClinicCard(
        ClinicId id,
        String name,
        String region,
        String regionName,
        String address,
        String timezone,
        String phone,
        String email,
        String site,
        String description,
        boolean hasLogo,
        Double latitude,
        Double longitude) {

    static ClinicCard of(ClinicView clinic) {
        return new ClinicCard(
                clinic.id(),
                clinic.name(),
                clinic.region(),
                clinic.regionName(),
                clinic.address(),
                clinic.timezone(),
                clinic.phone(),
                clinic.email(),
                clinic.site(),
                clinic.description(),
                clinic.hasLogo(),
                clinic.latitude(),
                clinic.longitude());
    }
}
