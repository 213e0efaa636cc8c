package org.medkarta.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.shared.Columns;
import org.medkarta.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rotating refresh tokens, stored only as hashes. Each refresh retires the token and issues the
 * next one of the same family; presenting a retired token again means it was stolen, so the whole
 * family is revoked (SPEC A7).
 */
@Component
class RefreshTokens {

    private final JdbcClient jdbc;
    private final IdentityProperties properties;
    private final Clock clock;

    RefreshTokens(JdbcClient jdbc, IdentityProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Starts a new family for a fresh sign-in. */
    String start(UserId user) {
        return issue(user, UUID.randomUUID());
    }

    /**
     * Exchanges a token for the next one of its family. Must run in a transaction: the row is locked
     * so that two parallel refreshes with one token cannot both succeed.
     *
     * @return the account and the new token, or empty when the token is unknown, expired or reused
     */
    Optional<Rotated> rotate(String token) {
        Instant now = clock.instant();
        var row = jdbc.sql("""
                        SELECT account_id, family_id, expires_at, rotated_at, revoked_at FROM identity_refresh_token
                        WHERE token_hash = :hash FOR UPDATE
                        """)
                .param("hash", Secrets.sha256(token))
                .query((rs, n) -> new Row(
                        rs.getObject("account_id", UUID.class),
                        rs.getObject("family_id", UUID.class),
                        Columns.instant(rs, "expires_at"),
                        Columns.instant(rs, "rotated_at"),
                        Columns.instant(rs, "revoked_at")))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        var found = row.get();
        if (found.rotatedAt != null || found.revokedAt != null) {
            revokeFamily(found.family);
            return Optional.empty();
        }
        if (!found.expiresAt.isAfter(now)) {
            return Optional.empty();
        }
        jdbc.sql("UPDATE identity_refresh_token SET rotated_at = :now WHERE token_hash = :hash")
                .param("now", Columns.utc(now))
                .param("hash", Secrets.sha256(token))
                .update();
        var user = new UserId(found.account);
        return Optional.of(new Rotated(user, issue(user, found.family)));
    }

    /** Ends the sign-in the token belongs to. */
    void revoke(String token) {
        jdbc.sql("SELECT family_id FROM identity_refresh_token WHERE token_hash = :hash")
                .param("hash", Secrets.sha256(token))
                .query(UUID.class)
                .optional()
                .ifPresent(this::revokeFamily);
    }

    /** Ends every API sign-in of a user. */
    void revokeAll(UserId user) {
        jdbc.sql(
                        "UPDATE identity_refresh_token SET revoked_at = :now WHERE account_id = :account AND revoked_at IS NULL")
                .param("now", Columns.utc(clock.instant()))
                .param("account", user.value())
                .update();
    }

    private void revokeFamily(UUID family) {
        jdbc.sql("UPDATE identity_refresh_token SET revoked_at = :now WHERE family_id = :family AND revoked_at IS NULL")
                .param("now", Columns.utc(clock.instant()))
                .param("family", family)
                .update();
    }

    private String issue(UserId user, UUID family) {
        String token = Secrets.token();
        Instant now = clock.instant();
        jdbc.sql("""
                        INSERT INTO identity_refresh_token (token_hash, account_id, family_id, issued_at, expires_at)
                        VALUES (:hash, :account, :family, :now, :expires)
                        """)
                .param("hash", Secrets.sha256(token))
                .param("account", user.value())
                .param("family", family)
                .param("now", Columns.utc(now))
                .param("expires", Columns.utc(now.plus(properties.jwt().refreshTtl())))
                .update();
        return token;
    }

    record Rotated(UserId user, String token) {}

    private record Row(UUID account, UUID family, Instant expiresAt, Instant rotatedAt, Instant revokedAt) {}
}
