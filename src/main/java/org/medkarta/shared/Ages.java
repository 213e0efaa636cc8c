package org.medkarta.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Ages in full years, one rule for the whole platform: the age shown in the patient view (order
 * 003, Appendix 1) and the 15th birthday that ends a parent's access (order 003 §23.2: «по
 * достижении им пятнадцатилетнего возраста») must never disagree.
 *
 * <p>A period counted in years ends on the matching month and day of its last year, and in a month
 * without that day on the month's last day (Civil Code of the Russian Federation, art. 192 §3). So
 * a person born on 29 February completes a year on 28 February of a common year, which is also
 * what {@link LocalDate#plusYears(long)} does. The birthday begins at midnight in the zone given.
 */
public final class Ages {

    private Ages() {}

    /** Full years on {@code day}. */
    public static int fullYears(LocalDate birthDate, LocalDate day) {
        int years = day.getYear() - birthDate.getYear();
        if (birthDate.plusYears(years).isAfter(day)) {
            years--;
        }
        return Math.max(years, 0);
    }

    /** The day the person turns {@code years}: the anniversary, 28 February for 29 February in a common year. */
    public static LocalDate birthday(LocalDate birthDate, int years) {
        return birthDate.plusYears(years);
    }

    /** Whether, at {@code now} in {@code zone}, the person is younger than {@code years}. */
    public static boolean under(LocalDate birthDate, int years, Instant now, ZoneId zone) {
        return now.isBefore(birthday(birthDate, years).atStartOfDay(zone).toInstant());
    }
}
