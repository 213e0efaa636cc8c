package org.medkarta.identity;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.PatientId;
import org.medkarta.shared.UserId;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Short-lived signed access tokens for the API (SPEC A7): RS256, 15 minutes, carrying the user
 * id, name, roles and own record so that a request needs no database read to know who asks.
 */
final class AccessTokens {

    /** How far ahead of this node's clock another node's may be when it issues a token. */
    private static final Duration ISSUED_AHEAD = Duration.ofMinutes(1);

    private final NimbusJwtEncoder encoder;
    private final JwtDecoder decoder;
    private final IdentityProperties.Jwt settings;
    private final Clock clock;

    /**
     * @param closed whether the account with this id is closed (SPEC A9): its tokens are refused
     *     from the next request on, before they expire
     */
    AccessTokens(RSAKey key, IdentityProperties.Jwt settings, Clock clock, java.util.function.Predicate<UUID> closed) {
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
        var signatureOnly = NimbusJwtDecoder.withPublicKey(rsaPublic(key))
                .signatureAlgorithm(SignatureAlgorithm.RS256)
                .build();
        signatureOnly.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        this.decoder = new VerifiedTokens(
                signatureOnly, new DelegatingOAuth2TokenValidator<>(validator(settings, clock), open(closed)));
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * What every use of an access token must pass: a token signed with the right key is still
     * refused unless it says when it was issued and when it ends, by whom and for whom (issue 12,
     * finding 5): the timestamp validator alone lets a token without {@code exp} live for ever.
     */
    static OAuth2TokenValidator<Jwt> validator(IdentityProperties.Jwt settings, Clock clock) {
        var timestamps = new JwtTimestampValidator(Duration.ZERO);
        timestamps.setClock(clock);
        return new DelegatingOAuth2TokenValidator<>(
                present(JwtClaimNames.EXP),
                present(JwtClaimNames.IAT),
                present(JwtClaimNames.SUB),
                timestamps,
                // Issued in the future: not by this application, whose clock signs every token.
                new JwtClaimValidator<Instant>(
                        JwtClaimNames.IAT,
                        iat -> iat != null && !iat.isAfter(clock.instant().plus(ISSUED_AHEAD))),
                new JwtIssuerValidator(settings.issuer()),
                new JwtClaimValidator<List<String>>(
                        JwtClaimNames.AUD, aud -> aud != null && aud.contains(settings.audience())));
    }

    /** Refuses the token of a closed account; a subject that is no id is left to the converter's refusal. */
    private static OAuth2TokenValidator<Jwt> open(java.util.function.Predicate<UUID> closed) {
        return jwt -> {
            UUID subject;
            try {
                subject = UUID.fromString(jwt.getSubject());
            } catch (IllegalArgumentException | NullPointerException notAnId) {
                return OAuth2TokenValidatorResult.success();
            }
            return closed.test(subject)
                    ? OAuth2TokenValidatorResult.failure(
                            new OAuth2Error("invalid_token", "The token's account is closed", null))
                    : OAuth2TokenValidatorResult.success();
        };
    }

    private static OAuth2TokenValidator<Jwt> present(String claim) {
        return jwt -> jwt.hasClaim(claim)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(
                        new OAuth2Error("invalid_token", "The token has no " + claim + " claim", null));
    }

    private static java.security.interfaces.RSAPublicKey rsaPublic(RSAKey key) {
        try {
            return key.toRSAPublicKey();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    String issue(SignedInUser user) {
        var now = clock.instant();
        var claims = JwtClaimsSet.builder()
                .issuer(settings.issuer())
                .audience(List.of(settings.audience()))
                .id(UUID.randomUUID().toString())
                .subject(user.userId().value().toString())
                .issuedAt(now)
                .expiresAt(now.plus(settings.accessTtl()))
                .claim("name", user.displayName())
                .claim("method", user.method())
                .claim(
                        "roles",
                        user.roles().stream()
                                .map(grant -> grant.clinic() == null
                                        ? grant.role().name()
                                        : grant.role().name() + "@"
                                                + grant.clinic().value())
                                .toList());
        if (user.patientId() != null) {
            claims.claim("pid", user.patientId().value().toString());
        }
        return encoder.encode(JwtEncoderParameters.from(
                        JwsHeader.with(SignatureAlgorithm.RS256).build(), claims.build()))
                .getTokenValue();
    }

    long lifetimeSeconds() {
        return settings.accessTtl().toSeconds();
    }

    JwtDecoder decoder() {
        return decoder;
    }

    /** The user an access token speaks for. */
    static SignedInUser user(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        String pid = jwt.getClaimAsString("pid");
        return new SignedInUser(
                new UserId(UUID.fromString(jwt.getSubject())),
                jwt.getClaimAsString("name"),
                pid == null ? null : new PatientId(UUID.fromString(pid)),
                roles == null
                        ? List.of()
                        : roles.stream().map(AccessTokens::grant).toList(),
                jwt.getClaimAsString("method"));
    }

    private static RoleGrant grant(String claim) {
        int at = claim.indexOf('@');
        return at < 0
                ? RoleGrant.platformWide(Role.valueOf(claim))
                : new RoleGrant(
                        Role.valueOf(claim.substring(0, at)), new ClinicId(UUID.fromString(claim.substring(at + 1))));
    }
}
