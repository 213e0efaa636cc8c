package org.medkarta.identity;

/**
 * A patient's registration as typed (SPEC A2, seed 000): every field is checked and all wrong
 * fields are reported together. {@code birthDate} is ISO {@code yyyy-MM-dd}; {@code region} the
 * two-digit code of the region they live in (SPEC B5, issue 23), or blank when they do not say.
 */
public record PatientRegistration(
        String lastName,
        String firstName,
        String patronymic,
        String phone,
        String birthDate,
        String email,
        String termsVersion,
        String region) {

    /** A registration that does not say the region. */
    public PatientRegistration(
            String lastName,
            String firstName,
            String patronymic,
            String phone,
            String birthDate,
            String email,
            String termsVersion) {
        this(lastName, firstName, patronymic, phone, birthDate, email, termsVersion, null);
    }
}
