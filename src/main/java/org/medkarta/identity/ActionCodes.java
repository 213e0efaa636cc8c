package org.medkarta.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.medkarta.shared.Columns;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.UserId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One-time codes that confirm an action on one's own account, such as closing it (seed 001:
 * «Подтвердить действие с помощью одноразового кода»). One live code per account and purpose, kept
 * as a salted hash, valid as long as a sign-in code; a new one voids the old; the fifth wrong one
 * voids it too. Apart from the sign-in codes, so that a code for one never serves the other.
 */
@Component
class ActionCodes {

    /** What a code confirms. */
    enum Purpose {
        CLOSE_ACCOUNT
    }

    private final JdbcClient jdbc;
    private final IdentityProperties.Otp rules;

    ActionCodes(JdbcClient jdbc, IdentityProperties properties) {
        this.jdbc = jdbc;
        this.rules = properties.otp();
    }

    /**
     * A new code for the account, replacing any earlier one for the purpose, in the caller's
     * transaction; empty when the previous one was sent less than the resend pause ago.
     */
    Optional<String> issue(UserId account, Purpose purpose, Instant now) {
        var sentAt = jdbc.sql(
                        "SELECT sent_at FROM identity_action_code WHERE account_id = :account AND purpose = :purpose")
                .param("account", account.value())
                .param("purpose", purpose.name())
                .query((row, number) -> Columns.instant(row, "sent_at"))
                .optional();
        if (sentAt.isPresent() && sentAt.get().plus(rules.resendAfter()).isAfter(now)) {
            return Optional.empty();
        }
        String code = Secrets.sixDigitCode();
        String salt = Secrets.salt();
        jdbc.sql("DELETE FROM identity_action_code WHERE account_id = :account AND purpose = :purpose")
                .param("account", account.value())
                .param("purpose", purpose.name())
                .update();
        jdbc.sql("""
                        INSERT INTO identity_action_code (account_id, purpose, code_hash, code_salt, expires_at, sent_at, failed)
                        VALUES (:account, :purpose, :hash, :salt, :expires, :now, 0)
                        """)
                .param("account", account.value())
                .param("purpose", purpose.name())
                .param("hash", Secrets.sha256(salt, account.value().toString(), purpose.name(), code))
                .param("salt", salt)
                .param("expires", Columns.utc(now.plus(rules.validity())))
                .param("now", Columns.utc(now))
                .update();
        return Optional.of(code);
    }

    /** How long until another code may be sent. */
    Duration resendAfter() {
        return rules.resendAfter();
    }

    /**
     * Checks a code in the caller's transaction, which has locked the account. The right code is used
     * up; a wrong one is counted and the refusal returned, so that the caller commits the count before
     * throwing it.
     */
    Optional<InvalidInput> check(UserId account, Purpose purpose, String code, Instant now) {
        if (code == null || !code.strip().matches("\\d{6}")) {
            return Optional.of(new InvalidInput("code", "identity.validation.code"));
        }
        var found = jdbc.sql("""
                        SELECT code_hash, code_salt, expires_at, failed FROM identity_action_code
                        WHERE account_id = :account AND purpose = :purpose FOR UPDATE
                        """)
                .param("account", account.value())
                .param("purpose", purpose.name())
                .query((row, number) -> new Stored(
                        row.getString("code_hash"),
                        row.getString("code_salt"),
                        Columns.instant(row, "expires_at"),
                        row.getInt("failed")))
                .optional();
        if (found.isEmpty() || !found.get().expiresAt().isAfter(now)) {
            return Optional.of(new InvalidInput("code", "identity.validation.action-code-expired"));
        }
        var stored = found.get();
        if (Secrets.same(
                stored.hash(),
                Secrets.sha256(stored.salt(), account.value().toString(), purpose.name(), code.strip()))) {
            delete(account, purpose);
            return Optional.empty();
        }
        int failed = stored.failed() + 1;
        if (failed >= rules.maxWrong()) {
            delete(account, purpose);
            return Optional.of(new InvalidInput("code", "identity.validation.action-code-expired"));
        }
        jdbc.sql("UPDATE identity_action_code SET failed = :failed WHERE account_id = :account AND purpose = :purpose")
                .param("failed", failed)
                .param("account", account.value())
                .param("purpose", purpose.name())
                .update();
        return Optional.of(new InvalidInput("code", "identity.validation.action-code-wrong"));
    }

    private void delete(UserId account, Purpose purpose) {
        jdbc.sql("DELETE FROM identity_action_code WHERE account_id = :account AND purpose = :purpose")
                .param("account", account.value())
                .param("purpose", purpose.name())
                .update();
    }

    private record Stored(String hash, String salt, Instant expiresAt, int failed) {}
}
