package org.medkarta.access;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

/**
 * Ages in full years and the moment a child comes of the age at which the parent's access ends.
 *
 * <p>A year of age is full when the anniversary of the birth date has begun; for someone born on
 * 29 February the anniversary in a common year is 1 March, because 28 February is still inside the
 * year that began on the last 29 February ({@link Period#between} counts exactly so: 2012-02-29 to
 * 2027-02-28 is 14 years, to 2027-03-01 is 15). The same count gives the age the patient view shows
 * (SPEC E3, "29 February birthdays included"), so the record and the access rule never disagree.
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
