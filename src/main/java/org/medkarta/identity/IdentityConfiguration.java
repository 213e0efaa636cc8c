package org.medkarta.identity;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/** The identity module's beans that the security configuration of the web module uses. */
@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(10);
    }

    @Bean
    AccessTokens accessTokens(IdentityProperties properties, JdbcClient jdbc, Clock clock, Accounts accounts) {
        return new AccessTokens(
                SigningKey.load(properties.jwt(), jdbc, clock), properties.jwt(), clock, accounts::closed);
    }

    /** Verifies the API's bearer tokens: our signature, not expired by the application clock. */
    @Bean
    JwtDecoder jwtDecoder(AccessTokens tokens) {
        return tokens.decoder();
    }

    /** Turns a verified access token into the {@link SignedInUser} it speaks for. */
    @Bean
    Converter<Jwt, AbstractAuthenticationToken> jwtAuthenticationConverter() {
        return jwt -> {
            SignedInUser user;
            try {
                user = AccessTokens.user(jwt);
            } catch (IllegalArgumentException | NullPointerException unreadable) {
                // Signed by us but not as we sign (a subject, role or record that is no id): 401, not 500.
                throw new InvalidBearerTokenException("The token's claims are not an access token's");
            }
            return new UsernamePasswordAuthenticationToken(user, jwt, user.authorities());
        };
    }
}
