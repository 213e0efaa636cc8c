package org.medkarta.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medkarta.identity.SignedInUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Opens a browser session for a person who proved who they are. The session (stored in the
 * database by Spring Session) gets a new id, so a session id planted before sign-in is worthless,
 * and remembers where it was opened for the security page.
 */
final class BrowserSessions {

    static final String ADDRESS = "medkarta.address";
    static final String USER_AGENT = "medkarta.userAgent";
    static final String METHOD = "medkarta.method";

    private static final SecurityContextRepository REPOSITORY = new HttpSessionSecurityContextRepository();

    private BrowserSessions() {}

    static void open(SignedInUser user, HttpServletRequest request, HttpServletResponse response) {
        var session = request.getSession(true);
        request.changeSessionId();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
        SecurityContextHolder.setContext(context);
        REPOSITORY.saveContext(context, request, response);
        var client = Clients.of(request);
        session.setAttribute(ADDRESS, client.address());
        session.setAttribute(USER_AGENT, client.userAgent());
        session.setAttribute(METHOD, user.method());
    }

    /** Where to go after sign-in: the page asked for, if it is one of ours, else the profile. */
    static String next(String continueTo) {
        boolean local = continueTo != null
                && continueTo.startsWith("/")
                && !continueTo.startsWith("//")
                && !continueTo.contains("\\")
                && !continueTo.contains("\r")
                && !continueTo.contains("\n");
        return "redirect:" + (local ? continueTo : "/profile");
    }
}
