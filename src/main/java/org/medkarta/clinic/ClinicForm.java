package org.medkarta.clinic;

/**
 * A clinic's profile as typed into the form or sent to the API (SPEC B1); every field is text, and
 * {@link ClinicSetUp} checks them all at once.
 *
 * @param region the two-digit code of the subject of the Russian Federation, {@code "77"} for Moscow
 * @param timezone an IANA zone such as {@code Europe/Moscow}
 * @param licenseDate ISO date, {@code 2020-05-17}
 * @param latitude WGS 84 degrees north, -90..90, with {@code longitude} or neither (SPEC B9); null for
 *     a clinic not on the map
 * @param longitude WGS 84 degrees east, -180..180
 */
public record ClinicForm(
        String name,
        String inn,
        String ogrn,
        String licenseNumber,
        String licenseDate,
        String region,
        String address,
        String timezone,
        String phone,
        String phoneExtra,
        String email,
        String site,
        String description,
        String latitude,
        String longitude) {}
