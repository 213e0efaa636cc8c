package org.medkarta.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Pattern;
import org.medkarta.shared.PagePolicy;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The browser policies every page is sent with (SPEC G1): a Content-Security-Policy that runs only the
 * app's own script and style files (no inline script, style or event handler anywhere, so an injected
 * tag does nothing) and a Permissions-Policy that lets only the call pages ask for the camera and
 * microphone.
 */
final class PageHeaders {

    /** The pages that hold a call: a room, a consultation (the room's panel is part of it), the device check. */
    static final RequestMatcher CALL_PAGES = new OrRequestMatcher(
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/conversations/{id:[0-9a-fA-F-]+}"),
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/consultations/{id:[0-9a-fA-F-]+}"),
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/device-check"));

    /** Features no page uses, denied to the page and anything it could embed. */
    private static final String DENIED =
            "geolocation=(), payment=(), usb=(), accelerometer=(), gyroscope=(), magnetometer=(), display-capture=()";

    static final String CALL_PERMISSIONS = "camera=(self), microphone=(self), " + DENIED;

    static final String PAGE_PERMISSIONS = "camera=(), microphone=(), " + DENIED;

    /** A page that marked itself with {@link PagePolicy#allowGeolocation} (clinics near me). */
    static final String GEOLOCATION_PERMISSIONS = PAGE_PERMISSIONS.replace("geolocation=()", "geolocation=(self)");

    /**
     * Swagger UI, the explorer of the API document, builds its look with style elements; scripts stay
     * the app's own files there too.
     */
    static final RequestMatcher API_EXPLORER =
            PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**");

    /** A host name, IPv4 or bracketed IPv6 address as a CSP host source may carry it. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+]");

    private PageHeaders() {}

    /**
     * The policy of a page. {@code connect-src} names the page's own host for the chat and call
     * WebSocket explicitly: {@code 'self'} covers ws: and wss: only in browsers that follow CSP 3.
     */
    static String contentSecurityPolicy(HttpServletRequest request) {
        String styles = API_EXPLORER.matches(request) ? "'self' 'unsafe-inline'" : "'self'";
        return "default-src 'self'; script-src 'self'; style-src " + styles
                + "; img-src 'self' data:" + PagePolicy.extraImageSources(request) + "; font-src 'self'; "
                + "connect-src 'self'" + webSocket(request) + "; media-src 'self'; object-src 'none'; "
                + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    private static String webSocket(HttpServletRequest request) {
        String host = request.getServerName();
        if (host == null || !HOST.matcher(host).matches()) {
            return "";
        }
        boolean secure = request.isSecure();
        int port = request.getServerPort();
        boolean defaultPort = port <= 0 || port == (secure ? 443 : 80);
        return " " + (secure ? "wss://" : "ws://") + host + (defaultPort ? "" : ":" + port);
    }

    static HeaderWriter contentSecurityPolicy() {
        return (HttpServletRequest request, HttpServletResponse response) -> {
            if (!response.containsHeader("Content-Security-Policy")) {
                response.setHeader("Content-Security-Policy", contentSecurityPolicy(request));
            }
        };
    }

    static HeaderWriter permissionsPolicy() {
        return (HttpServletRequest request, HttpServletResponse response) -> {
            if (!response.containsHeader("Permissions-Policy")) {
                response.setHeader(
                        "Permissions-Policy",
                        CALL_PAGES.matches(request)
                                ? CALL_PERMISSIONS
                                : PagePolicy.geolocationAllowed(request) ? GEOLOCATION_PERMISSIONS : PAGE_PERMISSIONS);
            }
        };
    }
}
