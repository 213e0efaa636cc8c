package org.medkarta.testing;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.medkarta.identity.ClientInfo;
import org.medkarta.identity.Identity;
import org.springframework.context.annotation.Profile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test class path only: signs staff into a browser session with their real password, so that page
 * tests of other modules do not depend on how the sign-in page looks. Browser tests of sign-in
 * itself use {@code /staff/sign-in}.
 */
@RestController
@Profile("!prod")
class StaffSignInForTests {

    private final Identity identity;

    StaffSignInForTests(Identity identity) {
        this.identity = identity;
    }

    @GetMapping("/test/staff-sign-in")
    void signIn(
            @RequestParam String email,
            @RequestParam String password,
            @RequestParam(name = "continue") String next,
            HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        var user = identity.signInWithPassword(
                email, password, null, new ClientInfo("127.0.0.1", "test"), "http://localhost", Locale.ENGLISH);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
        new HttpSessionSecurityContextRepository().saveContext(context, request, response);
        response.sendRedirect(next);
    }
}
