package org.medkarta.identity;

import java.time.Instant;

/**
 * What ESIA (the state identity provider, "Госуслуги") tells about a person after sign-in, as raw
 * claim values (SPEC A3). Only the subject is certain to be there.
 *
 * @param region the region the person lives in, as a claim names it (a two-digit code or a region's
 *     name; issue 23), or null
 * @param updatedAt when ESIA's data about the person were last updated (OIDC {@code updated_at}), or null
 */
public record EsiaClaims(
        String subject,
        String lastName,
        String firstName,
        String patronymic,
        String birthDate,
        String snils,
        String phone,
        String email,
        String region,
        Instant updatedAt) {

    /** Claims without a region. */
    public EsiaClaims(
            String subject,
            String lastName,
            String firstName,
            String patronymic,
            String birthDate,
            String snils,
            String phone,
            String email) {
        this(subject, lastName, firstName, patronymic, birthDate, snils, phone, email, null, null);
    }
}
