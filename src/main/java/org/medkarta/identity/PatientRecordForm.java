package org.medkarta.identity;

/**
 * A patient record as staff enter it when the patient has none yet (SPEC C6): the name, birth date
 * ({@code YYYY-MM-DD}), sex ({@code MALE} or {@code FEMALE}) and phone are required; SNILS and an OMS
 * policy (number, insurer, valid to) are optional. No e-mail is needed.
 */
public record PatientRecordForm(
        String lastName,
        String firstName,
        String patronymic,
        String birthDate,
        String sex,
        String phone,
        String snils,
        String omsNumber,
        String omsInsurer,
        String omsValidTo) {}
