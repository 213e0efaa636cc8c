package org.medkarta.identity;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Decodes access tokens, checking each token's signature once: a mobile app or portal sends the same
 * token with every request for its lifetime, and verifying the RS256 signature and parsing the JSON
 * again each time was a sixth of a record summary's CPU (bench/record). The validator (expiry by the
 * application's clock) still runs on every request. Keyed by the whole token text, so a cached
 * result is exactly what verifying that text again would give; bounded, and emptied when full.
 */
final class VerifiedTokens implements JwtDecoder {

    /** Tokens kept at most: several thousand signed-in users at a time, a few megabytes. */
    static final int CAPACITY = 8192;

    private final JwtDecoder signatureOnly;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    /**
     * @param signatureOnly verifies the signature and reads the claims, validating nothing else
     * @param validator what every use of a token must pass (its lifetime)
     */
    VerifiedTokens(JwtDecoder signatureOnly, OAuth2TokenValidator<Jwt> validator) {
        this.signatureOnly = signatureOnly;
        this.validator = validator;
    }

    @Override
    public Jwt decode(String token) {
        Jwt jwt = verified.get(token);
        if (jwt == null) {
            jwt = signatureOnly.decode(token);
            if (verified.size() >= CAPACITY) {
                verified.clear();
            }
            verified.put(token, jwt);
        }
        var result = validator.validate(jwt);
        if (result.hasErrors()) {
            verified.remove(token);
            throw new JwtValidationException(
                    result.getErrors().iterator().next().getDescription(), result.getErrors());
        }
        return jwt;
    }
}
