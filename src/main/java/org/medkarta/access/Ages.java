package org.medkarta.access;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

/**
 * Ages in full years and the moment a child comes of the age at which the parent's access ends
 * (order 003 §23.2: «по достижении им пятнадцатилетнего возраста»).
 *
 * <p>The age is reached when the birthday begins, at midnight in {@code medkarta.access.zone}. A
 * year of age is full when as many calendar years have passed as ISO-8601 calendar arithmetic
 * counts ({@link Period#between}): from 29 February 2012, 28 February 2027 is 14 years, 11 months
 * and 30 days, and 1 March 2027 is 15 years. So a 29 February child turns 15 on 1 March in a common
 * year, as issue 7 asks. (The record module's age in the patient view reads Civil Code art. 192 §3
 * as completing the year on 28 February; the two must be aligned when the modules meet, see the
 * README.)
 */
final class Ages {

    private Ages() {}

    /** Full years on {@code day}. */
    static int fullYears(LocalDate birthDate, LocalDate day) {
        return Period.between(birthDate, day).getYears();
    }

    /** The day the person turns {@code years}: the anniversary, or 1 March for 29 February in a common year. */
    static LocalDate birthday(LocalDate birthDate, int years) {
        LocalDate anniversary = birthDate.plusYears(years);
        // plusYears moves 29 February to 28 February in a common year, a day before the year is full.
        return anniversary.getDayOfMonth() != birthDate.getDayOfMonth() ? anniversary.plusDays(1) : anniversary;
    }

    /** Whether, at {@code now} in {@code zone}, the person is younger than {@code years}. */
    static boolean under(LocalDate birthDate, int years, Instant now, ZoneId zone) {
        return now.isBefore(birthday(birthDate, years).atStartOfDay(zone).toInstant());
    }
}
