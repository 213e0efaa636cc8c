package org.medkarta.testing;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.medkarta.identity.ClientInfo;
import org.springframework.context.annotation.Profile;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test class path only: signs staff into a browser session with their real password, so that page
 * tests of other modules do not depend on how the sign-in page looks. Browser tests of sign-in
 * itself use {@code /staff/sign-in}. Tests that speak HTTP turn a person's API access token into
 * a browser session the same way, to call pages as that person.
 */
@RestController
@Profile("!prod")
class StaffSignInForTests {

    private final IdentityFacades identity;
    private final JwtDecoder tokens;
    private final Converter<Jwt, AbstractAuthenticationToken> users;

    StaffSignInForTests(
            IdentityFacades identity, JwtDecoder tokens, Converter<Jwt, AbstractAuthenticationToken> users) {
        this.identity = identity;
        this.tokens = tokens;
        this.users = users;
    }

    @GetMapping("/test/staff-sign-in")
    void signIn(
            @RequestParam String email,
            @RequestParam String password,
            @RequestParam(name = "continue") String next,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        var user = identity.signIn()
                .signInWithPassword(
                        email, password, null, new ClientInfo("127.0.0.1", "test"), "http://localhost", Locale.ENGLISH);
        open(UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()), request, response);
        response.sendRedirect(next);
    }

    /** A browser session for whoever the (verified, unexpired) API access token speaks for. */
    @GetMapping("/test/token-sign-in")
    void signInWithToken(
            @RequestParam String token,
            @RequestParam(name = "continue") String next,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        open(users.convert(tokens.decode(token)), request, response);
        response.sendRedirect(next);
    }

    private static void open(
            org.springframework.security.core.Authentication user,
            HttpServletRequest request,
            HttpServletResponse response) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(user);
        new HttpSessionSecurityContextRepository().saveContext(context, request, response);
    }
}
