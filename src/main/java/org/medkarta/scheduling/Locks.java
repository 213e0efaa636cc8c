package org.medkarta.scheduling;

import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Row locks per patient or doctor, held to the end of the caller's transaction: checks that span
 * several rows (a patient's overlapping appointments, a doctor's overlapping templates) then run
 * one at a time for that person on every node.
 */
@Repository
class Locks {

    private final JdbcClient jdbc;
    private final String hold;

    Locks(JdbcClient jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        String engine;
        try (var connection = dataSource.getConnection()) {
            engine = connection.getMetaData().getDatabaseProductName();
        }
        // One statement that creates the row or locks the existing one (issue 18: the booking's
        // transaction counts its statements). PostgreSQL's upsert takes the row lock in either case;
        // H2 has no ON CONFLICT … DO UPDATE, and its MERGE updates, so locks, an existing row.
        this.hold = engine.equals("H2")
                ? "MERGE INTO scheduling_lock KEY (owner_id) VALUES (:owner)"
                : "INSERT INTO scheduling_lock (owner_id) VALUES (:owner)"
                        + " ON CONFLICT (owner_id) DO UPDATE SET owner_id = EXCLUDED.owner_id";
    }

    /** Holds the owner's row lock to the end of the caller's transaction, creating the row the first time. */
    void hold(UUID owner) {
        jdbc.sql(hold).param("owner", owner).update();
    }
}
