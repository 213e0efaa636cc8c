package org.medkarta.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** The scan reads exactly what Spring's default, regular-expression resolver reads, and refuses the same. */
class BearerTokensTest {

    private final BearerTokens scan = new BearerTokens();
    private final DefaultBearerTokenResolver regex = new DefaultBearerTokenResolver();

    private static MockHttpServletRequest with(String authorization) {
        var request = new MockHttpServletRequest();
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        return request;
    }

    @Test
    void readsWhatTheDefaultResolverReads() {
        for (String header : new String[] {
            null,
            "Basic dXNlcjpwYXNz",
            "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln",
            "bearer abc-._~+/xyz==",
            "BEARER a",
            "Bearer a="
        }) {
            assertThat(scan.resolve(with(header))).as(header).isEqualTo(regex.resolve(with(header)));
        }
    }

    @Test
    void refusesWhatTheDefaultResolverRefuses() {
        for (String header :
                new String[] {"Bearer", "Bearer ", "Bearer a b", "Bearer a=b", "Bearer ===", "Bearer  a", "Bearer ä"}) {
            assertThatThrownBy(() -> regex.resolve(with(header)))
                    .as("the default refuses %s", header)
                    .isInstanceOf(OAuth2AuthenticationException.class);
            assertThatThrownBy(() -> scan.resolve(with(header)))
                    .as(header)
                    .isInstanceOf(OAuth2AuthenticationException.class);
        }
    }
}
