package org.medkarta.shared;

import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * The SQL that turns an instant column into the calendar day it falls on in a time zone, the same on
 * H2 and PostgreSQL (reports that count by the clinic's day, SPEC J3). PostgreSQL takes the zone with
 * {@code AT TIME ZONE}; H2 casts a zoned timestamp to a date in the session's zone whatever zone it
 * was shifted to, so there the day is formatted in the zone instead.
 */
@Component
public class LocalDays {

    private final boolean h2;

    LocalDays(DataSource dataSource) throws SQLException {
        try (var connection = dataSource.getConnection()) {
            this.h2 = connection.getMetaData().getDatabaseProductName().equals("H2");
        }
    }

    /**
     * A DATE expression: the day {@code column} falls on in the zone bound to the named parameter
     * {@code zoneParameter} (an IANA id). Use it once in a statement (in a subquery, then group the
     * outer query by its alias), since PostgreSQL sees two uses of a parameter as two expressions.
     */
    public String dayOf(String column, String zoneParameter) {
        return h2
                ? "CAST(FORMATDATETIME(" + column + ", 'yyyy-MM-dd', 'en', :" + zoneParameter + ") AS DATE)"
                : "CAST(" + column + " AT TIME ZONE :" + zoneParameter + " AS DATE)";
    }

    /**
     * How a count groups many rows by the day {@code column} falls on in {@code zone}, for instants
     * from {@code from} to before {@code until}: {@link Bins#bin} goes in the subquery that reads the
     * rows, which the query around it groups by that alias, and {@link Bins#day} turns the alias into
     * the DATE. Where the zone's offset does not change in the period (Moscow's has not since 2014),
     * PostgreSQL bins each row by arithmetic ({@code date_bin} of a day from the period's first
     * midnight, the instant bound to {@code fromParameter}) and converts each group's bin, not each
     * row, in the zone bound to {@code zoneParameter}: {@code AT TIME ZONE} looks the zone up by name
     * for every row, which made a third of a year's dashboard (bench/dashboard). Elsewhere — H2, or a
     * period across a clock change — the bin is {@link #dayOf} itself.
     */
    public Bins bins(
            String column, String zoneParameter, String fromParameter, ZoneId zone, Instant from, Instant until) {
        var change = zone.getRules().nextTransition(from);
        boolean steady = change == null || !change.getInstant().isBefore(until);
        if (h2 || !steady) {
            return new Bins(dayOf(column, zoneParameter), "%s");
        }
        return new Bins(
                "date_bin(INTERVAL '1 day', " + column + ", CAST(:" + fromParameter + " AS TIMESTAMP WITH TIME ZONE))",
                "CAST(%s AT TIME ZONE :" + zoneParameter + " AS DATE)");
    }

    /**
     * A statement summing the rows of {@code cells} — a query with the columns {@code local_day} and
     * {@code doctor_id} — by day and by doctor: rows with a day and no doctor, and rows with a doctor
     * and no day, each with the aggregates of {@code sums} (a select list). PostgreSQL sums both ways
     * in one pass over the cells ({@code GROUPING SETS}); H2, which has none, reads them once as a
     * common table expression and groups it twice.
     */
    public String byDayAndDoctor(String cells, String sums) {
        if (h2) {
            return "WITH cells AS (" + cells + ") SELECT local_day, CAST(NULL AS UUID) AS doctor_id, " + sums
                    + " FROM cells GROUP BY local_day UNION ALL SELECT CAST(NULL AS DATE) AS local_day, doctor_id, "
                    + sums + " FROM cells GROUP BY doctor_id";
        }
        return "SELECT local_day, doctor_id, " + sums + " FROM (" + cells + ") cells"
                + " GROUP BY GROUPING SETS ((local_day), (doctor_id))";
    }

    /**
     * The day grouping of {@link #bins}.
     *
     * @param bin the expression to select, and group by, in the subquery that reads the rows
     * @param day a format taking the bin's alias, the DATE of the day in the query around it
     */
    public record Bins(String bin, String day) {

        /** The DATE of the bin named {@code alias}. */
        public String day(String alias) {
            return day.formatted(alias);
        }
    }
}
