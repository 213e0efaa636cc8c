package org.medkarta.identity;

/**
 * What ESIA (the state identity provider, "Госуслуги") tells about a person after sign-in, as raw
 * claim values (SPEC A3). Only the subject is certain to be there.
 */
public record EsiaClaims(
        String subject,
        String lastName,
        String firstName,
        String patronymic,
        String birthDate,
        String snils,
        String phone,
        String email) {}
