package org.medkarta.shared;

import java.sql.SQLException;
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
}
