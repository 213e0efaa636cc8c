package org.medkarta.scheduling;

import java.util.UUID;
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

    Locks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void hold(UUID owner) {
        jdbc.sql("INSERT INTO scheduling_lock (owner_id) VALUES (:owner) ON CONFLICT DO NOTHING")
                .param("owner", owner)
                .update();
        jdbc.sql("SELECT owner_id FROM scheduling_lock WHERE owner_id = :owner FOR UPDATE")
                .param("owner", owner)
                .query(UUID.class)
                .single();
    }
}
