package org.medkarta.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medkarta.notification.Delivery;
import org.medkarta.notification.Notifications;
import org.medkarta.testing.WebClientSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

@ActiveProfiles("prod")
// This context stays cached for the whole run: its poller, reading the system clock and having no
// gateway, would otherwise claim other tests' messages.
@TestPropertySource(
        properties = {"medkarta.notification.dispatch.polling=false", "medkarta.public-url=https://medkarta.example.ru/"
        })
class ProductionProfileIT extends WebClientSupport {

    @DynamicPropertySource
    static void signingKey(DynamicPropertyRegistry properties) throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String key = Base64.getEncoder()
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
        properties.add("medkarta.identity.jwt.private-key", () -> key);
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    Notifications notifications;

    @Test
    void devOutboxPageAndApiDoNotExistInProduction() {
        var page = get("/dev/outbox", "Accept", "text/html");
        var api = get("/api/v1/dev/outbox?to=%2B79990000001");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Страница не найдена").doesNotContain("Исходящие");
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void demoDataIsNeverSeededInProduction() {
        assertThat(context.getBeanNamesForType(DemoDataSeeder.class)).isEmpty();
    }

    @Test
    void aMessageWithoutAConfiguredGatewayStaysPendingWithTheMissingSettingAsItsError() throws InterruptedException {
        String key = "prod-test:" + UUID.randomUUID();
        notifications.sendSms("+79990000001", "code", key);

        // Production hands a committed message to a background thread; wait for its attempt.
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (notifications.delivery(key).orElseThrow().lastError() == null && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        notifications.deliverPending();

        Delivery delivery = notifications.delivery(key).orElseThrow();
        assertThat(delivery.status()).isEqualTo(Delivery.Status.PENDING);
        assertThat(delivery.attempts()).isZero();
        assertThat(delivery.lastError()).contains("medkarta.notification.sms.http.url");
    }

    @Test
    void aPageServedOverHttpsBehindTheProxyIsStrictTransportOnlyAndItsSessionCookieIsSecure() {
        var response = get("/sign-in", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "medkarta.example.org");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(
                        hsts -> assertThat(hsts).contains("max-age=31536000").contains("includeSubDomains"));
        var session = response.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("SESSION="))
                .findFirst();
        assertThat(session)
                .hasValueSatisfying(cookie ->
                        assertThat(cookie).containsIgnoringCase("; Secure").containsIgnoringCase("; HttpOnly"));
        // The chat and call WebSocket of the public host is the only other place the page may connect to.
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp).contains("connect-src 'self' wss://medkarta.example.org;"));
    }

    @Test
    void aSessionCookieIsSecureEvenWhenTheProxySaysNothingOfHttps() {
        var session = get("/sign-in").headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("SESSION="))
                .findFirst();

        assertThat(session).hasValueSatisfying(cookie -> assertThat(cookie).containsIgnoringCase("; Secure"));
    }

    @Test
    void linksAreBuiltFromTheConfiguredPublicUrlNotFromTheRequest() {
        assertThat(context.getBean(org.medkarta.shared.PublicUrl.class).of("/appointments"))
                .isEqualTo("https://medkarta.example.ru/appointments");
    }

    @Test
    void homePageStillServesInProduction() {
        assertThat(get("/").body()).contains("Медкарта").doesNotContain("/dev/outbox");
    }
}
