package org.medkarta.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AgesTest {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Test
    void fullYearsCountFromTheBirthdayOn() {
        var born = LocalDate.of(1990, 7, 2);
        assertThat(Ages.fullYears(born, LocalDate.of(2026, 7, 1))).isEqualTo(35);
        assertThat(Ages.fullYears(born, LocalDate.of(2026, 7, 2))).isEqualTo(36);
        assertThat(Ages.fullYears(born, born)).isZero();
    }

    @Test
    void theFifteenthBirthdayBeginsAtMidnightInMoscow() {
        var born = LocalDate.of(2011, 6, 10);
        // 2026-06-10T00:00 in Moscow is 2026-06-09T21:00Z.
        assertThat(Ages.under(born, 15, Instant.parse("2026-06-09T20:59:59Z"), MOSCOW))
                .isTrue();
        assertThat(Ages.under(born, 15, Instant.parse("2026-06-09T21:00:00Z"), MOSCOW))
                .isFalse();
    }

    @Test
    void aTwentyNinthOfFebruaryChildTurnsFifteenOnTheTwentyEighthInACommonYear() {
        var born = LocalDate.of(2012, 2, 29);
        assertThat(Ages.birthday(born, 15)).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(Ages.fullYears(born, LocalDate.of(2027, 2, 27))).isEqualTo(14);
        assertThat(Ages.fullYears(born, LocalDate.of(2027, 2, 28))).isEqualTo(15);
        assertThat(Ages.under(born, 15, Instant.parse("2027-02-27T20:59:59Z"), MOSCOW))
                .isTrue();
        assertThat(Ages.under(born, 15, Instant.parse("2027-02-27T21:00:00Z"), MOSCOW))
                .isFalse();
    }

    @Test
    void aTwentyNinthOfFebruaryChildTurnsOnTheTwentyNinthInALeapYear() {
        var born = LocalDate.of(2000, 2, 29);
        assertThat(Ages.birthday(born, 16)).isEqualTo(LocalDate.of(2016, 2, 29));
        assertThat(Ages.fullYears(born, LocalDate.of(2016, 2, 28))).isEqualTo(15);
        assertThat(Ages.fullYears(born, LocalDate.of(2016, 2, 29))).isEqualTo(16);
    }
}
