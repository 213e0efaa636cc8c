package org.medkarta.record;

/**
 * The patient's identity data staff keep in the record (SPEC E1): sex, SNILS and the OMS policy.
 * Blank fields are left as they are.
 */
public record IdentityForm(
        String sex, String snils, String omsNumber, String omsInsurer, String omsValidTo, String reason) {}
