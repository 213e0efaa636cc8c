package org.medkarta.record;

import java.time.LocalDate;

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

    /**
     * Age in full years on {@code today}. A person born on 29 February completes a year on 28
     * February of a common year: a period counted in years ends on the matching day of the last
     * year, and in a month without that day on its last day (Civil Code of the Russian Federation,
     * art. 192 §3), which is also what {@link LocalDate#plusYears(long)} does.
     */
    public static int fullYears(LocalDate birthDate, LocalDate today) {
        int years = today.getYear() - birthDate.getYear();
        if (birthDate.plusYears(years).isAfter(today)) {
            years--;
        }
        return Math.max(years, 0);
    }
}
