package org.medkarta.identity;

import java.time.Duration;
import java.time.Instant;
import org.medkarta.shared.DomainException;

/** The refusals of sign-in and registration, named as the public API contract names them. */
public final class IdentityRefusal extends DomainException {

    private IdentityRefusal(Kind kind, String problem, Object... arguments) {
        super(kind, problem, "problem." + problem, arguments);
    }

    static IdentityRefusal phoneTaken() {
        return new IdentityRefusal(Kind.CONFLICT, "phone-taken");
    }

    static IdentityRefusal emailTaken() {
        return new IdentityRefusal(Kind.CONFLICT, "email-taken");
    }

    static IdentityRefusal resendTooSoon(Duration wait) {
        long seconds = wholeSecondsUp(wait);
        IdentityRefusal refusal = new IdentityRefusal(Kind.TOO_MANY_REQUESTS, "resend-too-soon", seconds);
        refusal.retryAfter(wait);
        return refusal.with("retryAfterSeconds", seconds);
    }

    static IdentityRefusal tooManyCodeRequests(Duration wait) {
        return new IdentityRefusal(Kind.TOO_MANY_REQUESTS, "too-many-requests").retryAfter(wait);
    }

    static IdentityRefusal signInBlocked(Instant until, Duration wait) {
        IdentityRefusal refusal = new IdentityRefusal(Kind.LOCKED, "sign-in-blocked");
        refusal.retryAfter(wait);
        return refusal.with("blockedUntil", until.toString());
    }

    static IdentityRefusal wrongCode(int attemptsLeft) {
        return new IdentityRefusal(Kind.UNAUTHORIZED, "wrong-code", attemptsLeft).with("attemptsLeft", attemptsLeft);
    }

    static IdentityRefusal codeExpired() {
        return new IdentityRefusal(Kind.GONE, "code-expired");
    }

    static IdentityRefusal badCredentials() {
        return new IdentityRefusal(Kind.UNAUTHORIZED, "bad-credentials");
    }

    static IdentityRefusal accountLocked() {
        return new IdentityRefusal(Kind.LOCKED, "account-locked");
    }

    static IdentityRefusal totpRequired() {
        return new IdentityRefusal(Kind.UNAUTHORIZED, "totp-required");
    }

    static IdentityRefusal totpEnrolmentRequired() {
        return new IdentityRefusal(Kind.FORBIDDEN, "totp-enrolment-required");
    }

    static IdentityRefusal invalidToken() {
        return new IdentityRefusal(Kind.UNAUTHORIZED, "invalid-token");
    }

    static IdentityRefusal linkExpired() {
        return new IdentityRefusal(Kind.GONE, "link-expired");
    }

    /** A staff member's account is not closed by themselves: their clinic withdraws their roles first. */
    static IdentityRefusal closureRefused() {
        return new IdentityRefusal(Kind.CONFLICT, "closure-refused");
    }

    static IdentityRefusal registryOnly() {
        return new IdentityRefusal(Kind.FORBIDDEN, "registry-only");
    }
}
