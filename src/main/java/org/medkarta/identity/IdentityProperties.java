package org.medkarta.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code medkarta.identity.*}: the sign-in rules, with the values the seeds and SPEC give. {@code
 * closedAccountRetention} is how long the medical record of a closed account is kept (SPEC A9: 25
 * years, the usual term for outpatient records).
 */
@ConfigurationProperties("medkarta.identity")
record IdentityProperties(
        @DefaultValue("2026-11-01") String termsVersion,
        @DefaultValue Otp otp,
        @DefaultValue Passwords passwords,
        @DefaultValue Links links,
        @DefaultValue Jwt jwt,
        @DefaultValue Bootstrap bootstrap,
        @DefaultValue Esia esia,
        @DefaultValue("25y") java.time.Period closedAccountRetention) {

    /**
     * One-time SMS codes (order 003, §22; SPEC A5): valid 15 minutes, 5 wrong in a row block
     * sign-in for 24 hours, a resend no sooner than 60 s. {@code perAddressPerHour} limits code
     * requests from one client address against SMS flooding (20 in {@code prod}).
     */
    record Otp(
            @DefaultValue("15m") Duration validity,
            @DefaultValue("60s") Duration resendAfter,
            @DefaultValue("5") int maxWrong,
            @DefaultValue("24h") Duration block,
            @DefaultValue("10000") int perAddressPerHour) {}

    /** Staff passwords (SPEC A4): 3 wrong in a row lock the account until a reset. */
    record Passwords(@DefaultValue("3") int maxWrong) {}

    /** Single-use links: e-mail confirmation 24 h (SPEC A2), password reset 1 h, invitation 7 days. */
    record Links(
            @DefaultValue("24h") Duration confirmEmail,
            @DefaultValue("1h") Duration resetPassword,
            @DefaultValue("7d") Duration invitation) {}

    /**
     * API tokens: access tokens live 15 minutes, refresh tokens 30 days. {@code privateKey} is a
     * base64 PKCS#8 RSA key; when empty one is generated on first start and kept in the database
     * (default profile); {@code prod} requires it.
     */
    record Jwt(
            @DefaultValue("15m") Duration accessTtl,
            @DefaultValue("30d") Duration refreshTtl,
            @DefaultValue("") String privateKey,
            @DefaultValue("true") boolean generateKey,
            @DefaultValue("https://medkarta.org") String issuer,
            @DefaultValue("medkarta-api") String audience) {}

    /** Sign-in through ESIA; the provider itself is Spring's {@code spring.security.oauth2.client.*} "esia". */
    record Esia(@DefaultValue("false") boolean enabled) {}

    /** The platform administrator created on first start in any profile, when both are set. */
    record Bootstrap(
            @DefaultValue("") String adminEmail,
            @DefaultValue("") String adminPassword) {}
}
