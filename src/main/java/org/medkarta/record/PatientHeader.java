package org.medkarta.record;

import java.time.LocalDate;
import org.medkarta.shared.Ages;

/**
 * The patient as the patient account shows them (order 003, Appendix 1, rows 1-5): first name,
 * patronymic, only the first letter of the last name, age in full years and sex.
 *
 * @param age null when the birth date is not known
 * @param sex {@code MALE}, {@code FEMALE} or null when not recorded
 */
public record PatientHeader(String firstName, String patronymic, String lastNameInitial, Integer age, String sex) {

    static PatientHeader of(
            String lastName, String firstName, String patronymic, LocalDate birthDate, String sex, LocalDate today) {
        return new PatientHeader(
                firstName,
                patronymic,
                lastName == null || lastName.isBlank() ? null : lastName.strip().substring(0, 1),
                birthDate == null ? null : fullYears(birthDate, today),
                sex);
    }

    /** Age in full years on {@code today}, by the platform's one rule ({@link Ages}). */
    public static int fullYears(LocalDate birthDate, LocalDate today) {
        return Ages.fullYears(birthDate, today);
    }
}
