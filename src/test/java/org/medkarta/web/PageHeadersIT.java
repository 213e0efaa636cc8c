package org.medkarta.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.medkarta.testing.WebClientSupport;

/** The browser policies each kind of page is sent with: public, signed in, the call pages. */
class PageHeadersIT extends WebClientSupport {

    private static final String DOCTOR = "email=doctor@demo.medkarta.org&password=Demo-doctor-1";

    /** A browser session of the demo doctor, as the cookie a browser would send. */
    private String doctorSession() {
        var signedIn = get("/test/staff-sign-in?" + DOCTOR + "&continue=/");
        assertThat(signedIn.statusCode()).isEqualTo(302);
        return signedIn.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.substring(0, cookie.indexOf(';')))
                .reduce((a, b) -> a + "; " + b)
                .orElseThrow();
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name));
    }

    @Test
    void aPublicPageRunsOnlyTheAppsOwnScriptsAndStylesAndCannotBeFramed() {
        var response = get("/sign-in");

        assertThat(response.statusCode()).isEqualTo(200);
        String policy = header(response, "Content-Security-Policy");
        assertThat(policy)
                .contains("default-src 'self'")
                .contains("script-src 'self';")
                .contains("style-src 'self';")
                .contains("img-src 'self' data:;")
                .contains("object-src 'none'")
                .contains("base-uri 'self'")
                .contains("form-action 'self'")
                .contains("frame-ancestors 'none'")
                .contains("connect-src 'self' ws://localhost:" + port + ";")
                .doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval")
                .doesNotContain("*");
        assertThat(header(response, "Permissions-Policy"))
                .contains("camera=()", "microphone=()", "geolocation=()", "payment=()");
        assertThat(header(response, "Referrer-Policy")).isEqualTo("same-origin");
        assertThat(header(response, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(response, "X-Frame-Options")).isEqualTo("DENY");
        // The page itself carries no inline script for the policy to refuse.
        assertThat(response.body()).doesNotContain("<script>").doesNotContain("onclick=");
    }

    @Test
    void signedInPagesOtherThanCallsDenyTheCameraAndMicrophone() {
        String session = doctorSession();
        for (String path : new String[] {"/schedule", "/consultations", "/profile", "/security"}) {
            var response = get(path, "Cookie", session);
            assertThat(response.statusCode()).as(path).isIn(200, 302);
            assertThat(header(response, "Permissions-Policy")).as(path).contains("camera=()", "microphone=()");
            assertThat(header(response, "Content-Security-Policy")).as(path).contains("script-src 'self';");
        }
    }

    @Test
    void onlyTheCallPagesMayAskForTheCameraAndMicrophoneAndOnlyForTheAppItself() {
        var response = get("/device-check", "Cookie", doctorSession());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Permissions-Policy"))
                .contains("camera=(self)", "microphone=(self)", "geolocation=()", "display-capture=()");
        assertThat(header(response, "Content-Security-Policy")).contains("connect-src 'self' ws://localhost:" + port);
    }

    @Test
    void theCallPagesAreTheRoomTheConsultationAndTheDeviceCheck() {
        for (String path : new String[] {"/conversations/" + java.util.UUID.randomUUID(), "/consultations/1"}) {
            assertThat(header(get(path), "Permissions-Policy")).as(path).contains("camera=(self)");
        }
        for (String path : new String[] {"/consultations", "/conversations/ice-servers", "/record"}) {
            assertThat(header(get(path), "Permissions-Policy")).as(path).contains("camera=()");
        }
    }

    @Test
    void theApiExplorerAloneMayUseInlineStylesAndStillRunsOnlyTheAppsScripts() {
        String explorer = header(get("/swagger-ui/index.html"), "Content-Security-Policy");

        assertThat(explorer).contains("style-src 'self' 'unsafe-inline';").contains("script-src 'self';");
        assertThat(header(get("/"), "Content-Security-Policy")).contains("style-src 'self';");
    }
}
