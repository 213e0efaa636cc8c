package org.medkarta.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.shared.Columns;
import org.medkarta.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Single-use links sent by e-mail: confirming an address (24 h, SPEC A2), resetting a password
 * (1 h, A4) and accepting an invitation (A8). Only the hash of the token is stored; a new link of
 * the same purpose voids the older ones.
 */
@Component
class Links {

    enum Purpose {
        CONFIRM_EMAIL,
        RESET_PASSWORD,
        INVITATION
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    Links(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    String create(UserId account, Purpose purpose, Duration validity) {
        Instant now = clock.instant();
        jdbc.sql("""
                        UPDATE identity_link SET used_at = :now
                        WHERE account_id = :account AND purpose = :purpose AND used_at IS NULL
                        """)
                .param("now", Columns.utc(now))
                .param("account", account.value())
                .param("purpose", purpose.name())
                .update();
        String token = Secrets.token();
        jdbc.sql("""
                        INSERT INTO identity_link (token_hash, account_id, purpose, expires_at)
                        VALUES (:hash, :account, :purpose, :expires)
                        """)
                .param("hash", Secrets.sha256(token))
                .param("account", account.value())
                .param("purpose", purpose.name())
                .param("expires", Columns.utc(now.plus(validity)))
                .update();
        return token;
    }

    /** Uses a link up: the account it was for, or empty when unknown, used, expired or of another purpose. */
    Optional<UserId> use(String token, Purpose purpose) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String hash = Secrets.sha256(token.strip());
        var account = jdbc.sql("""
                        SELECT account_id FROM identity_link WHERE token_hash = :hash AND purpose = :purpose
                            AND used_at IS NULL AND expires_at > :now FOR UPDATE
                        """)
                .param("hash", hash)
                .param("purpose", purpose.name())
                .param("now", Columns.utc(now))
                .query(UUID.class)
                .optional();
        account.ifPresent(id -> jdbc.sql("UPDATE identity_link SET used_at = :now WHERE token_hash = :hash")
                .param("now", Columns.utc(now))
                .param("hash", hash)
                .update());
        return account.map(UserId::new);
    }

    /** Whether a link is still usable, without using it (to show the form it opens). */
    boolean valid(String token, Purpose purpose) {
        return token != null
                && jdbc.sql("""
                                        SELECT count(*) FROM identity_link WHERE token_hash = :hash AND purpose = :purpose
                                            AND used_at IS NULL AND expires_at > :now
                                        """)
                                .param("hash", Secrets.sha256(token.strip()))
                                .param("purpose", purpose.name())
                                .param("now", Columns.utc(clock.instant()))
                                .query(Integer.class)
                                .single()
                        > 0;
    }
}
