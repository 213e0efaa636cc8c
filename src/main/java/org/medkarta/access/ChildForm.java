package org.medkarta.access;

/**
 * A child as a parent registers them (SPEC E11, F3): names, birth date ({@code yyyy-MM-dd}) and the
 * birth certificate's series ({@code IV-МЮ}) and six-digit number.
 */
public record ChildForm(
        String lastName,
        String firstName,
        String patronymic,
        String birthDate,
        String certificateSeries,
        String certificateNumber) {}
