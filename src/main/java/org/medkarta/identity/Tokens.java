package org.medkarta.identity;

/** What a successful API sign-in returns (contract: {@code {accessToken, refreshToken, tokenType, expiresIn}}). */
public record Tokens(String accessToken, String refreshToken, String tokenType, long expiresIn) {

    static Tokens bearer(String access, String refresh, long expiresIn) {
        return new Tokens(access, refresh, "Bearer", expiresIn);
    }
}
