package org.medkarta.audit;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What only a person with the database's keys could do to the audit trail, for tests that detect it. */
final class Tampering {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    Tampering(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.dataSource = dataSource;
    }

    /** Lifts the append-only guard for one statement. */
    void withoutTheAppendOnlyGuard(Runnable statement) throws SQLException {
        boolean postgres;
        try (var connection = dataSource.getConnection()) {
            postgres = connection
                    .getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(Locale.ROOT)
                    .contains("postgres");
        }
        if (postgres) {
            jdbc.sql("ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only")
                    .update();
            try {
                statement.run();
            } finally {
                jdbc.sql("ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only")
                        .update();
            }
        } else {
            jdbc.sql("DROP TRIGGER audit_event_append_only").update();
            try {
                statement.run();
            } finally {
                jdbc.sql(
                                "CREATE TRIGGER audit_event_append_only BEFORE UPDATE, DELETE ON audit_event FOR EACH ROW CALL 'org.medkarta.audit.AppendOnly'")
                        .update();
            }
        }
    }

    /** Changes an entry's outcome behind the trail's back. */
    void changeOutcome(long seq, String outcome) throws SQLException {
        withoutTheAppendOnlyGuard(() -> jdbc.sql("UPDATE audit_event SET outcome = :outcome WHERE seq = :seq")
                .param("outcome", outcome)
                .param("seq", seq)
                .update());
    }

    /** Removes an entry behind the trail's back; what it held, to put it back. */
    Map<String, Object> remove(long seq) throws SQLException {
        var row = jdbc.sql("SELECT * FROM audit_event WHERE seq = :seq")
                .param("seq", seq)
                .query()
                .singleRow();
        withoutTheAppendOnlyGuard(() -> jdbc.sql("DELETE FROM audit_event WHERE seq = :seq")
                .param("seq", seq)
                .update());
        return row;
    }

    /** Puts a removed entry back exactly as it was. */
    void putBack(Map<String, Object> row) {
        var columns = new java.util.ArrayList<String>();
        row.keySet().forEach(column -> columns.add(column.toLowerCase(Locale.ROOT)));
        var sql = "INSERT INTO audit_event (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", columns.stream().map(c -> ":" + c).toList()) + ")";
        var statement = jdbc.sql(sql);
        for (var entry : row.entrySet()) {
            statement = statement.param(entry.getKey().toLowerCase(Locale.ROOT), entry.getValue());
        }
        statement.update();
    }
}
