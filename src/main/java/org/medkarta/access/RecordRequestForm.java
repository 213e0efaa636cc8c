package org.medkarta.access;

/**
 * A record-access request as typed (SPEC E0): whose record (the person themself, or a child under
 * 15 of theirs), to which clinic ({@code clinicId}; none or {@code allClinics} for every clinic that
 * keeps a record for them), and the person's identity data. Dates are ISO {@code yyyy-MM-dd}.
 */
public record RecordRequestForm(
        boolean forChild,
        String clinicId,
        boolean allClinics,
        String lastName,
        String firstName,
        String patronymic,
        String birthDate,
        String documentType,
        String documentSeries,
        String documentNumber,
        String documentIssuedOn,
        String documentIssuer,
        String omsNumber,
        String snils) {}
