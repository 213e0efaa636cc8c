package org.medkarta.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.medkarta.notification.DevOutbox;
import org.medkarta.testing.BrowserSupport;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Outbox;
import org.medkarta.testing.Phones;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** "Войти через Госуслуги" against a real OpenID Connect server (mock-oauth2-server), in the browser (SPEC A3). */
class EsiaSignInBrowserIT extends BrowserSupport {

    static final MockOAuth2Server ESIA = started();

    @Autowired
    DevOutbox outbox;

    @Autowired
    IdentityFacades identity;

    @Autowired
    PatientRegions regions;

    static MockOAuth2Server started() {
        var server = new MockOAuth2Server();
        server.start(0);
        return server;
    }

    @DynamicPropertySource
    static void esia(DynamicPropertyRegistry properties) {
        properties.add("medkarta.identity.esia.enabled", () -> "true");
        properties.add("spring.security.oauth2.client.registration.esia.client-id", () -> "medkarta");
        properties.add("spring.security.oauth2.client.registration.esia.client-secret", () -> "esia-secret");
        properties.add("spring.security.oauth2.client.registration.esia.scope", () -> "openid,profile,email,phone");
        properties.add(
                "spring.security.oauth2.client.provider.esia.issuer-uri",
                () -> ESIA.issuerUrl("esia").toString());
    }

    @AfterAll
    static void stopEsia() {
        ESIA.shutdown();
    }

    @Test
    void firstEsiaSignInCreatesThePatientFromTheClaimsThenAsksForTheSmsCode() {
        String phone = Phones.unique();
        String subject = "esia-" + phone;
        signInThroughEsia(subject, phone, "Волкова", "Ирина");

        assertThat(page.locator("#code")).isVisible();
        assertThat(page.locator("#profile-name")).hasCount(0);
        screenshot("code");
        page.locator("#code").fill(Outbox.latestCode(outbox, phone));
        page.locator("#sign-in").click();

        assertThat(page.locator("#profile-name")).hasText("Ирина Сергеевна Волкова");
        assertThat(page.locator("#email-status")).hasText("подтверждён");

        page.navigate(url("/security"));
        assertThat(page.locator(".history-row").nth(1)).containsText("Госуслуги");
        // The address claim's region (issue 23) became the patient's region.
        var patient = identity.accounts().findPatients(phone).get(0).patientId();
        org.assertj.core.api.Assertions.assertThat(regions.of(patient)).contains("16");
        org.assertj.core.api.Assertions.assertThat(regions.sourceOf(patient)).contains("ESIA");
    }

    @Test
    void esiaSignInLinksToTheExistingPatientWithTheSamePhone() {
        String phone = Phones.unique();
        identity.registration()
                .register(
                        new PatientRegistration(
                                "Зайцев",
                                "Олег",
                                null,
                                phone,
                                "1975-05-05",
                                "oleg-" + phone.substring(1) + "@example.ru",
                                identity.registration().termsVersion()),
                        new ClientInfo("127.0.0.1", "test"),
                        url(""),
                        java.util.Locale.forLanguageTag("ru"));

        signInThroughEsia("esia-linked-" + phone, phone, "Зайцев", "Олег");
        page.locator("#code").fill(Outbox.latestCode(outbox, phone));
        page.locator("#sign-in").click();

        assertThat(page.locator("#profile-name")).hasText("Олег Зайцев");
    }

    private void signInThroughEsia(String subject, String phone, String lastName, String firstName) {
        ESIA.enqueueCallback(new DefaultOAuth2TokenCallback(
                "esia",
                subject,
                "JWT",
                List.of("medkarta"),
                Map.of(
                        "family_name",
                        lastName,
                        "given_name",
                        firstName,
                        "middle_name",
                        "Сергеевна",
                        "birthdate",
                        "1988-02-03",
                        "snils",
                        "",
                        "phone_number",
                        phone,
                        "email",
                        subject + "@esia.example",
                        "address",
                        Map.of("region", "Республика Татарстан", "country", "RU")),
                3600));
        page.navigate(url("/sign-in"));
        page.locator("#esia").click();
        page.waitForURL(url -> url.contains("/sign-in/code"));
    }
}
