package org.medkarta.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Order 003, Appendix 1, rows 1-5: the initial of the last name and the age in full years. */
class PatientHeaderTest {

    @Test
    void ageCountsFullYearsOnly() {
        var born = LocalDate.of(1990, 7, 2);
        assertThat(PatientHeader.fullYears(born, LocalDate.of(2026, 7, 1))).isEqualTo(35);
        assertThat(PatientHeader.fullYears(born, LocalDate.of(2026, 7, 2))).isEqualTo(36);
        assertThat(PatientHeader.fullYears(born, born)).isZero();
    }

    @Test
    void aTwentyNinthOfFebruaryBirthdayCompletesTheYearOnTheTwentyEighthInACommonYear() {
        var born = LocalDate.of(2012, 2, 29);
        assertThat(PatientHeader.fullYears(born, LocalDate.of(2027, 2, 27))).isEqualTo(14);
        assertThat(PatientHeader.fullYears(born, LocalDate.of(2027, 2, 28))).isEqualTo(15);
        assertThat(PatientHeader.fullYears(born, LocalDate.of(2028, 2, 28))).isEqualTo(15);
        assertThat(PatientHeader.fullYears(born, LocalDate.of(2028, 2, 29))).isEqualTo(16);
    }

    @Test
    void onlyTheFirstLetterOfTheLastNameIsShown() {
        var header = PatientHeader.of(
                "Ёлкина", "Мария", "Ивановна", LocalDate.of(2000, 1, 1), "FEMALE", LocalDate.of(2026, 11, 22));
        assertThat(header.lastNameInitial()).isEqualTo("Ё");
        assertThat(header.firstName()).isEqualTo("Мария");
        assertThat(header.patronymic()).isEqualTo("Ивановна");
        assertThat(header.age()).isEqualTo(26);
        assertThat(PatientHeader.of(null, "А", null, null, null, LocalDate.of(2026, 1, 1))
                        .age())
                .isNull();
    }
}
