package org.medkarta.dashboard.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.medkarta.dashboard.ClinicDashboard;
import org.medkarta.dashboard.ClinicDashboard.Figures;

/**
 * A dashboard as CSV (RFC 4180) for spreadsheets: UTF-8 with a byte-order mark, so that Excel reads
 * Cyrillic names, and one row per figure per day and per doctor (a long table that pivots freely).
 *
 * <p>Columns: {@code scope} ({@code day}, {@code doctor} or {@code total}), {@code date} (the day, for
 * {@code day} rows), {@code doctor_id} and {@code doctor} (the doctor's id and name, for {@code doctor}
 * rows), {@code figure} (one of {@link #FIGURES}) and {@code value} (a count; {@code load} a share
 * 0–1 and {@code mean_minutes_to_take} minutes, both with a dot and empty when there is nothing to
 * measure). Every day of the period appears, also with zeros.
 */
final class DashboardCsv {

    /** The figures, in the order of each group of rows. */
    static final String[] FIGURES = {
        "booked_slots",
        "free_slots",
        "closed_slots",
        "load",
        "new_requests",
        "overdue",
        "missed",
        "in_work",
        "closed",
        "cancelled",
        "mean_minutes_to_take",
        "protocols_sent",
        "no_shows"
    };

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private DashboardCsv() {}

    static byte[] of(ClinicDashboard dashboard) {
        var csv = new StringBuilder("scope,date,doctor_id,doctor,figure,value\r\n");
        for (var day : dashboard.days()) {
            rows(csv, "day," + day.date() + ",,", day.figures());
        }
        for (var doctor : dashboard.doctors()) {
            rows(csv, "doctor,," + doctor.id().value() + "," + cell(doctor.name()), doctor.figures());
        }
        rows(csv, "total,,,", dashboard.totals());
        var out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        out.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static void rows(StringBuilder csv, String prefix, Figures f) {
        Object[] values = {
            f.bookedSlots(),
            f.freeSlots(),
            f.closedSlots(),
            f.load(),
            f.newRequests(),
            f.overdue(),
            f.missed(),
            f.inWork(),
            f.closed(),
            f.cancelled(),
            f.meanMinutesToTake(),
            f.protocolsSent(),
            f.noShows()
        };
        for (int i = 0; i < FIGURES.length; i++) {
            csv.append(prefix)
                    .append(',')
                    .append(FIGURES[i])
                    .append(',')
                    .append(value(values[i]))
                    .append("\r\n");
        }
    }

    private static String value(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double number) {
            return String.format(Locale.ROOT, "%.3f", number);
        }
        return value.toString();
    }

    private static String cell(String text) {
        String value = text == null ? "" : text;
        // A leading =, +, - or @ would make a spreadsheet run the cell as a formula.
        if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        return value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("'")
                ? "\"" + value.replace("\"", "\"\"") + "\""
                : value;
    }
}
