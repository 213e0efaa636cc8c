package org.medkarta.audit;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/** The H2 trigger that refuses to change or remove an audit entry (PostgreSQL uses its own). */
public class AppendOnly implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_event is append-only", "42000");
    }
}
