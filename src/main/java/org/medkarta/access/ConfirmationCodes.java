package org.medkarta.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.shared.Columns;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One-time codes confirming a change of rights (seed 001: a grant, a level change and a revocation
 * are confirmed "с помощью одноразового кода"): one live code per grant and purpose, for one person,
 * kept as a salted hash, void after its validity or after too many wrong tries.
 */
@Component
class ConfirmationCodes {

    /** What a code confirms. */
    enum Purpose {
        CREATE,
        ACCEPT,
        LEVEL,
        REVOKE
    }

    /** The outcome of a check: the level the code carried, or the refusal to throw after commit. */
    record Checked(Optional<AccessLevel> level, InvalidInput refusal) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final AccessProperties properties;

    ConfirmationCodes(JdbcClient jdbc, AccessProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** A new code for the person, replacing any earlier one for the same grant and purpose. */
    String issue(UUID grant, Purpose purpose, UserId user, AccessLevel level, Instant now) {
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        String salt = HexFormat.of().formatHex(salt());
        jdbc.sql("DELETE FROM access_code WHERE grant_id = :grant AND purpose = :purpose")
                .param("grant", grant)
                .param("purpose", purpose.name())
                .update();
        jdbc.sql("""
                        INSERT INTO access_code (grant_id, purpose, user_id, level, code_hash, code_salt, expires_at, failed)
                        VALUES (:grant, :purpose, :user, :level, :hash, :salt, :expires, 0)
                        """)
                .param("grant", grant)
                .param("purpose", purpose.name())
                .param("user", user.value())
                .param("level", level == null ? null : level.name())
                .param("hash", hash(salt, grant, purpose, code))
                .param("salt", salt)
                .param("expires", Columns.utc(now.plus(properties.codeValidity())))
                .update();
        return code;
    }

    /**
     * Checks a code in the caller's transaction. The right code is used up; a wrong one is counted
     * and the refusal returned, so the caller commits the count before throwing it.
     */
    Checked check(UUID grant, Purpose purpose, UserId user, String code, Instant now) {
        if (code == null || !code.strip().matches("\\d{6}")) {
            return new Checked(Optional.empty(), new InvalidInput("code", "access.validation.code"));
        }
        var found = jdbc.sql("""
                        SELECT user_id, level, code_hash, code_salt, expires_at, failed FROM access_code
                        WHERE grant_id = :grant AND purpose = :purpose FOR UPDATE
                        """)
                .param("grant", grant)
                .param("purpose", purpose.name())
                .query((row, n) -> new Row(
                        row.getObject("user_id", UUID.class),
                        row.getString("level"),
                        row.getString("code_hash"),
                        row.getString("code_salt"),
                        Columns.instant(row, "expires_at"),
                        row.getInt("failed")))
                .optional();
        if (found.isEmpty()
                || !found.get().user().equals(user.value())
                || !found.get().expiresAt().isAfter(now)) {
            return new Checked(Optional.empty(), new InvalidInput("code", "access.validation.code-expired"));
        }
        var row = found.get();
        if (!MessageDigest.isEqual(
                row.hash().getBytes(StandardCharsets.US_ASCII),
                hash(row.salt(), grant, purpose, code.strip()).getBytes(StandardCharsets.US_ASCII))) {
            int failed = row.failed() + 1;
            if (failed >= properties.codeAttempts()) {
                delete(grant, purpose);
                return new Checked(Optional.empty(), new InvalidInput("code", "access.validation.code-voided"));
            }
            jdbc.sql("UPDATE access_code SET failed = :failed WHERE grant_id = :grant AND purpose = :purpose")
                    .param("failed", failed)
                    .param("grant", grant)
                    .param("purpose", purpose.name())
                    .update();
            return new Checked(
                    Optional.empty(),
                    new InvalidInput("code", "access.validation.code-wrong", properties.codeAttempts() - failed));
        }
        delete(grant, purpose);
        return new Checked(Optional.ofNullable(row.level()).map(AccessLevel::valueOf), null);
    }

    private void delete(UUID grant, Purpose purpose) {
        jdbc.sql("DELETE FROM access_code WHERE grant_id = :grant AND purpose = :purpose")
                .param("grant", grant)
                .param("purpose", purpose.name())
                .update();
    }

    private static byte[] salt() {
        byte[] salt = new byte[8];
        RANDOM.nextBytes(salt);
        return salt;
    }

    private static String hash(String salt, UUID grant, Purpose purpose, String code) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update((salt + ":" + grant + ":" + purpose + ":" + code).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private record Row(UUID user, String level, String hash, String salt, Instant expiresAt, int failed) {}
}
