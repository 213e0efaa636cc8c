package org.medkarta.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.medkarta.testing.MutableClock;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/** A token's signature is checked once; its lifetime at every use, by the application's clock. */
class VerifiedTokensTest {

    private final MutableClock clock = new MutableClock();
    private final AtomicInteger verifications = new AtomicInteger();

    private final JwtDecoder signatureOnly = token -> {
        verifications.incrementAndGet();
        if (!token.startsWith("good")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token)
                .header("alg", "RS256")
                .subject(token)
                .issuedAt(Instant.parse("2026-11-22T09:00:00Z"))
                .expiresAt(Instant.parse("2026-11-22T09:15:00Z"))
                .build();
    };

    private VerifiedTokens tokens() {
        clock.freezeAt(Instant.parse("2026-11-22T09:00:00Z"));
        var timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(clock);
        return new VerifiedTokens(signatureOnly, timestamps);
    }

    @Test
    void theSignatureIsCheckedOnceAndTheLifetimeAtEveryUse() {
        var tokens = tokens();
        assertThat(tokens.decode("good-1").getSubject()).isEqualTo("good-1");
        assertThat(tokens.decode("good-1").getSubject()).isEqualTo("good-1");
        assertThat(verifications).hasValue(1);
        assertThat(tokens.decode("good-2").getSubject()).isEqualTo("good-2");
        assertThat(verifications).hasValue(2);

        clock.advance(Duration.ofMinutes(16));
        assertThatThrownBy(() -> tokens.decode("good-1")).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void aBadTokenIsRefusedEveryTimeAndNeverKept() {
        var tokens = tokens();
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }
}
