package org.medkarta.identity;

/**
 * A patient's registration as typed (SPEC A2, seed 000): every field is checked and all wrong
 * fields are reported together. {@code birthDate} is ISO {@code yyyy-MM-dd}.
 */
public record PatientRegistration(
        String lastName,
        String firstName,
        String patronymic,
        String phone,
        String birthDate,
        String email,
        String termsVersion) {}
