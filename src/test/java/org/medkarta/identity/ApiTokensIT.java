package org.medkarta.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link ApiTokens}: access and refresh tokens and signing out (SPEC A7). */
class ApiTokensIT extends IdentityApiSupport {

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void refreshRotatesAndAReusedRefreshTokenRevokesTheWholeFamily() {
        String phone = register();
        var tokens = body(signIn(phone));
        String first = tokens.get("refreshToken").asString();

        var rotated = post("/api/v1/auth/refresh", Map.of("refreshToken", first));
        assertThat(rotated.statusCode()).isEqualTo(200);
        String second = body(rotated).get("refreshToken").asString();
        assertThat(second).isNotEqualTo(first);

        var stolen = post("/api/v1/auth/refresh", Map.of("refreshToken", first));
        assertThat(stolen.statusCode()).isEqualTo(401);
        assertThat(problem(stolen)).isEqualTo("invalid-token");
        assertThat(post("/api/v1/auth/refresh", Map.of("refreshToken", second)).statusCode())
                .isEqualTo(401);
    }

    @Test
    void signOutRevokesTheRefreshToken() {
        var tokens = body(signIn(register()));
        String refresh = tokens.get("refreshToken").asString();

        assertThat(post("/api/v1/auth/logout", Map.of("refreshToken", refresh)).statusCode())
                .isEqualTo(204);
        assertThat(post("/api/v1/auth/refresh", Map.of("refreshToken", refresh)).statusCode())
                .isEqualTo(401);
    }

    @Test
    void accessTokensExpireAfterFifteenMinutesAndForgedOnesAreRefused() {
        String access = body(signIn(register())).get("accessToken").asString();

        assertThat(getAs(access, "/api/v1/me").statusCode()).isEqualTo(200);
        assertThat(getAs(access.substring(0, access.length() - 4) + "AAAA", "/api/v1/me")
                        .statusCode())
                .isEqualTo(401);
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        var expired = getAs(access, "/api/v1/me");
        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void meWithoutATokenIsUnauthorizedProblem() {
        var anonymous = get("/api/v1/me", "Accept", "application/json");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(problem(anonymous)).isEqualTo("unauthorized");
    }
}
