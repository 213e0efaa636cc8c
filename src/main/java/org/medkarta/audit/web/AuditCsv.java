package org.medkarta.audit.web;

import java.util.List;
import java.util.Objects;
import org.medkarta.audit.AuditRecord;

/** Audit entries as CSV (RFC 4180), for the administrator's export. */
final class AuditCsv {

    private AuditCsv() {}

    static String of(List<AuditRecord> entries) {
        var csv = new StringBuilder("seq,at,actor,role,patient,action,resource,outcome,address,reason,emergency\r\n");
        for (var entry : entries) {
            csv.append(String.join(
                            ",",
                            Long.toString(entry.seq()),
                            entry.at().toString(),
                            cell(entry.actor()),
                            cell(entry.role()),
                            cell(entry.patient()),
                            cell(entry.action()),
                            cell(entry.resource()),
                            cell(entry.outcome()),
                            cell(entry.address()),
                            cell(entry.reason()),
                            Boolean.toString(entry.emergency())))
                    .append("\r\n");
        }
        return csv.toString();
    }

    private static String cell(Object value) {
        String text = Objects.toString(value, "");
        // A leading =, +, - or @ would make a spreadsheet run the cell as a formula.
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("'")
                ? "\"" + text.replace("\"", "\"\"") + "\""
                : text;
    }
}
