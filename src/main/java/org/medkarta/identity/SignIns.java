package org.medkarta.identity;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.medkarta.shared.Columns;
import org.medkarta.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The sign-in history: every attempt on a known account, successful or not. */
@Component
class SignIns {

    private final JdbcClient jdbc;
    private final Clock clock;

    SignIns(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Recorded in its own transaction, so a refused attempt is remembered although the refusal rolls back. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(UserId account, ClientInfo client, String method, String outcome) {
        jdbc.sql("""
                        INSERT INTO identity_sign_in (id, account_id, at, address, user_agent, method, outcome)
                        VALUES (:id, :account, :at, :address, :agent, :method, :outcome)
                        """)
                .param("id", UUID.randomUUID())
                .param("account", account == null ? null : account.value())
                .param("at", Columns.utc(clock.instant()))
                .param("address", client.address())
                .param("agent", client.userAgent())
                .param("method", method)
                .param("outcome", outcome)
                .update();
    }

    List<SignInEntry> of(UserId account, int limit) {
        return jdbc.sql("""
                        SELECT at, address, user_agent, method, outcome FROM identity_sign_in
                        WHERE account_id = :account ORDER BY at DESC LIMIT :limit
                        """)
                .param("account", account.value())
                .param("limit", limit)
                .query((row, n) -> new SignInEntry(
                        Columns.instant(row, "at"),
                        row.getString("address"),
                        row.getString("user_agent"),
                        row.getString("method"),
                        row.getString("outcome")))
                .list();
    }
}
