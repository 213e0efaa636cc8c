package org.medkarta.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.medkarta.notification.ChannelUnavailable;
import org.medkarta.notification.Notifications;
import org.medkarta.testing.WebClientSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@ActiveProfiles("prod")
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
    void sendingWithoutAConfiguredGatewayIsRefusedClearly() {
        assertThatThrownBy(() -> notifications.sendSms("+79990000001", "code")).isInstanceOf(ChannelUnavailable.class);
    }

    @Test
    void homePageStillServesInProduction() {
        assertThat(get("/").body()).contains("Медкарта").doesNotContain("/dev/outbox");
    }
}
