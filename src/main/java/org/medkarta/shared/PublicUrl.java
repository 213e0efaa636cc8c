package org.medkarta.shared;

import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The address people open the app at, the base of every link the app sends away from a page: in an
 * SMS, an e-mail or a calendar file. It is {@code medkarta.public-url} ({@code MEDKARTA_PUBLIC_URL}),
 * which the {@code prod} profile requires: the app cannot guess the name a proxy or load balancer
 * serves it under, and a link built from a request's {@code Host} header would let anyone who sends
 * that header choose where a password-reset link points. Elsewhere it defaults to {@code
 * http://localhost:<port>} with the port the web server actually listens on, so a demo on another
 * port, or a test on a random one, sends links that work.
 */
@Component
public class PublicUrl implements ApplicationListener<WebServerInitializedEvent> {

    static final String PROPERTY = "medkarta.public-url";

    private final String configured;
    private volatile int port;

    PublicUrl(Environment environment) {
        this.configured = normalised(environment.getProperty(PROPERTY));
        this.port = environment.getProperty("server.port", Integer.class, 8080);
        if (configured == null && environment.matchesProfiles("prod")) {
            throw new IllegalStateException(PROPERTY + " (environment variable MEDKARTA_PUBLIC_URL) must be set"
                    + " in the prod profile: the address people open the app at, such as"
                    + " https://medkarta.example.ru; links in SMS, e-mails and calendar files are built from it");
        }
    }

    /** The base without a trailing slash, such as {@code https://medkarta.example.ru}. */
    public String base() {
        return configured != null ? configured : "http://localhost:" + port;
    }

    /** The base followed by an absolute path of the app, such as {@code /appointments}. */
    public String of(String path) {
        return base() + path;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        // The management server, when it has a port of its own, is not where people go.
        if (event.getApplicationContext().getServerNamespace() == null) {
            port = event.getWebServer().getPort();
        }
    }

    private static String normalised(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String url = value.strip();
        try {
            var uri = new URI(url);
            if (uri.getScheme() == null
                    || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))
                    || uri.getHost() == null) {
                throw new IllegalStateException(PROPERTY + " must be an absolute http(s) address such as"
                        + " https://medkarta.example.ru, not '" + value + "'");
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException(PROPERTY + " is not an address: '" + value + "'", e);
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
