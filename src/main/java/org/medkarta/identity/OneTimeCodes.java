package org.medkarta.identity;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.medkarta.shared.Columns;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.Phone;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One-time sign-in codes by SMS (order 003, §12-14 and §22; SPEC A5). All state is in the {@code
 * identity_otp} row of the phone, read {@code FOR UPDATE}, so parallel guesses are checked one at a
 * time and the fifth wrong one blocks every guess after it, on any node. A refusal is decided
 * inside the transaction but thrown after it commits, so the counted attempt is never rolled back.
 */
@Component
class OneTimeCodes {

    /** What a code request or check came to; thrown as a refusal once the transaction is done. */
    sealed interface Outcome {
        record Sent() implements Outcome {}

        record Accepted() implements Outcome {}

        record Refused(IdentityRefusal refusal) implements Outcome {}
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final IdentityProperties.Otp rules;
    private final Clock clock;
    private final MeterRegistry meters;

    OneTimeCodes(
            JdbcClient jdbc,
            TransactionTemplate transaction,
            IdentityProperties properties,
            Clock clock,
            MeterRegistry meters) {
        this.meters = meters;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.rules = properties.otp();
        this.clock = clock;
    }

    /**
     * Sends a new code for a phone, voiding the previous one, whichever channel carried it. An unknown
     * phone, or an account that the chosen channel cannot reach, gets the same answer and the same
     * counters but no message, so the answer tells nobody who is registered. The row is the phone's
     * whatever the channel (SMS or the e-mail fallback, seed 001: «резервный способ получения кода
     * через электронную почту»), so the wrong-code count, the block and the resend pause are shared
     * and switching channel never buys more guesses.
     *
     * @param deliver sends the text of the code ({@code code}, minutes valid) to the person; null when
     *     nobody is to get it
     */
    CodeSent send(Phone phone, java.util.function.BiConsumer<String, Long> deliver, String address) {
        boolean registered = deliver != null;
        var outcome = transaction.execute(status -> {
            Instant now = clock.instant();
            var refused = limitPerAddress(address, now);
            if (refused.isPresent()) {
                return refused.get();
            }
            var row = lockedRow(phone);
            if (row.blockedAt(now)) {
                return new Outcome.Refused(blocked(row, now));
            }
            if (row.lastSentAt != null
                    && row.lastSentAt.plus(rules.resendAfter()).isAfter(now)) {
                return new Outcome.Refused(
                        IdentityRefusal.resendTooSoon(Duration.between(now, row.lastSentAt.plus(rules.resendAfter()))));
            }
            String code = Secrets.sixDigitCode();
            String salt = Secrets.salt();
            jdbc.sql("""
                            UPDATE identity_otp SET code_hash = :hash, code_salt = :salt, expires_at = :expires,
                                last_sent_at = :now WHERE phone = :phone
                            """)
                    .param("hash", registered ? Secrets.sha256(salt, phone.e164(), code) : null)
                    .param("salt", salt)
                    .param("expires", Columns.utc(now.plus(rules.validity())))
                    .param("now", Columns.utc(now))
                    .param("phone", phone.e164())
                    .update();
            if (registered) {
                deliver.accept(code, rules.validity().toMinutes());
            }
            return new Outcome.Sent();
        });
        throwIfRefused(outcome);
        meters.counter("medkarta.otp.sends").increment();
        return new CodeSent(
                rules.validity().toSeconds(),
                rules.resendAfter().isZero() ? 0 : DomainException.wholeSecondsUp(rules.resendAfter()));
    }

    /**
     * Checks a code. Five wrong codes in a row block sign-in for 24 hours; during the block even the
     * right code is refused (order 003, §22.1-22.2); a code not entered within 15 minutes is void
     * (§22.3). The right code is single-use.
     */
    void check(Phone phone, String code) {
        var outcome = transaction.execute(status -> {
            Instant now = clock.instant();
            var found = existingLockedRow(phone);
            if (found.isEmpty()) {
                return new Outcome.Refused(IdentityRefusal.codeExpired());
            }
            var row = found.get();
            if (row.blockedAt(now)) {
                return new Outcome.Refused(blocked(row, now));
            }
            if (row.expiresAt == null || !row.expiresAt.isAfter(now)) {
                return new Outcome.Refused(IdentityRefusal.codeExpired());
            }
            if (Secrets.same(row.codeHash, Secrets.sha256(row.codeSalt, phone.e164(), code))) {
                jdbc.sql("""
                                UPDATE identity_otp SET code_hash = NULL, expires_at = NULL, failed_attempts = 0
                                WHERE phone = :phone
                                """).param("phone", phone.e164()).update();
                return new Outcome.Accepted();
            }
            int failed = row.failedAttempts + 1;
            if (failed >= rules.maxWrong()) {
                Instant until = now.plus(rules.block());
                jdbc.sql("""
                                UPDATE identity_otp SET failed_attempts = 0, blocked_until = :until, code_hash = NULL,
                                    expires_at = NULL WHERE phone = :phone
                                """)
                        .param("until", Columns.utc(until))
                        .param("phone", phone.e164())
                        .update();
                meters.counter("medkarta.otp.blocks").increment();
                return new Outcome.Refused(IdentityRefusal.signInBlocked(until, rules.block()));
            }
            jdbc.sql("UPDATE identity_otp SET failed_attempts = :failed WHERE phone = :phone")
                    .param("failed", failed)
                    .param("phone", phone.e164())
                    .update();
            return new Outcome.Refused(IdentityRefusal.wrongCode(rules.maxWrong() - failed));
        });
        throwIfRefused(outcome);
    }

    private Optional<Outcome> limitPerAddress(String address, Instant now) {
        int recent = jdbc.sql(
                        "SELECT count(*) FROM identity_otp_request WHERE address = :address AND requested_at > :since")
                .param("address", address)
                .param("since", Columns.utc(now.minus(Duration.ofHours(1))))
                .query(Integer.class)
                .single();
        if (recent >= rules.perAddressPerHour()) {
            return Optional.of(new Outcome.Refused(IdentityRefusal.tooManyCodeRequests(Duration.ofHours(1))));
        }
        jdbc.sql("INSERT INTO identity_otp_request (id, address, requested_at) VALUES (:id, :address, :now)")
                .param("id", UUID.randomUUID())
                .param("address", address)
                .param("now", Columns.utc(now))
                .update();
        return Optional.empty();
    }

    /** The phone's row, locked for this transaction; created first when the phone has none yet. */
    private Row lockedRow(Phone phone) {
        return existingLockedRow(phone).orElseGet(() -> {
            // ON CONFLICT keeps two first requests for one phone from colliding.
            jdbc.sql("INSERT INTO identity_otp (phone, failed_attempts) VALUES (:phone, 0) ON CONFLICT DO NOTHING")
                    .param("phone", phone.e164())
                    .update();
            return existingLockedRow(phone).orElseThrow();
        });
    }

    private Optional<Row> existingLockedRow(Phone phone) {
        return jdbc.sql("""
                        SELECT code_hash, code_salt, expires_at, last_sent_at, failed_attempts, blocked_until
                        FROM identity_otp WHERE phone = :phone FOR UPDATE
                        """)
                .param("phone", phone.e164())
                .query((row, number) -> new Row(
                        row.getString("code_hash"),
                        row.getString("code_salt"),
                        Columns.instant(row, "expires_at"),
                        Columns.instant(row, "last_sent_at"),
                        row.getInt("failed_attempts"),
                        Columns.instant(row, "blocked_until")))
                .optional();
    }

    private static IdentityRefusal blocked(Row row, Instant now) {
        return IdentityRefusal.signInBlocked(row.blockedUntil, Duration.between(now, row.blockedUntil));
    }

    /**
     * Throws a refusal, counted by its problem name ({@code medkarta.otp.refusals}, tag {@code
     * reason}); a block imposed by the fifth wrong code is also {@code medkarta.otp.blocks}, an
     * OTP sent (or pretended for an unknown phone) {@code medkarta.otp.sends}. Never a phone or code.
     */
    private void throwIfRefused(Outcome outcome) {
        if (outcome instanceof Outcome.Refused refused) {
            meters.counter("medkarta.otp.refusals", "reason", refused.refusal().problem())
                    .increment();
            throw refused.refusal();
        }
    }

    private record Row(
            String codeHash,
            String codeSalt,
            Instant expiresAt,
            Instant lastSentAt,
            int failedAttempts,
            Instant blockedUntil) {

        boolean blockedAt(Instant now) {
            return blockedUntil != null && blockedUntil.isAfter(now);
        }
    }
}
