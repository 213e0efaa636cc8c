package org.medkarta.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.medkarta.notification.Delivery;
import org.medkarta.notification.Notifications;
import org.medkarta.testing.ApiSupport;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Phones;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

@ActiveProfiles("prod")
// This context stays cached for the whole run: its poller, reading the system clock and having no
// gateway, would otherwise claim other tests' messages.
@TestPropertySource(
        properties = {
            "medkarta.notification.dispatch.polling=false",
            "medkarta.public-url=https://medkarta.example.ru/",
            // The database is shared with the suite's other contexts, whose code requests all come from
            // this machine's address: production's 20 an hour would be spent before this class runs.
            "medkarta.identity.otp.per-address-per-hour=10000"
        })
@ExtendWith(OutputCaptureExtension.class)
class ProductionProfileIT extends ApiSupport {

    @LocalManagementPort
    int managementPort;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdentityFacades identity;

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

    @Test
    void theActuatorAnswersOnTheManagementPortOnlyWithTheMetricsThatMatter() {
        var publicHealth = get("/actuator/health");
        var publicMetrics = get("/actuator/prometheus");
        var health = send(managementRequest("/actuator/health/readiness"));
        var metrics = send(managementRequest("/actuator/prometheus"));

        assertThat(publicHealth.statusCode()).isEqualTo(404);
        assertThat(publicMetrics.statusCode()).isEqualTo(404);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("medkarta_outbox_messages{status=\"pending\"}")
                .contains("medkarta_outbox_oldest_pending_age_seconds")
                .contains("medkarta_stomp_sessions")
                .contains("medkarta_audit_chain_broken")
                .contains("medkarta_audit_group_commit_seconds_bucket")
                .contains("http_server_requests_seconds_bucket");
    }

    /**
     * A patient signs in by code and writes and reads their diary with a note: the JSON log lines of
     * those requests carry their request ids, and neither the code nor the note is in any line.
     */
    @Test
    void logsAreJsonWithTheRequestIdAndHoldNeitherTheCodeNorMedicalText(CapturedOutput output) {
        String phone = Phones.unique();
        var registered = post(
                "/api/v1/patients/register",
                map(
                        "lastName",
                        "Журналова",
                        "firstName",
                        "Вера",
                        "phone",
                        phone,
                        "birthDate",
                        "1979-02-03",
                        "email",
                        "logs-" + UUID.randomUUID() + "@example.ru",
                        "termsVersion",
                        identity.registration().termsVersion()));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        var sent = post("/api/v1/auth/otp", Map.of("phone", phone), "X-Request-Id", "proxy-given-id-0001");
        assertThat(sent.statusCode()).isEqualTo(202);
        assertThat(sent.headers().firstValue("X-Request-Id")).hasValue("proxy-given-id-0001");
        // Production has no dev outbox: the code is read from the SMS waiting in the outbox table.
        String sms = jdbc.sql("SELECT body FROM notification_outbox WHERE recipient = :phone")
                .param("phone", phone)
                .query(String.class)
                .single();
        var digits = Pattern.compile("\\b(\\d{6})\\b").matcher(sms);
        assertThat(digits.find()).isTrue();
        String code = digits.group(1);
        var tokens = post("/api/v1/auth/otp/verify", Map.of("phone", phone, "code", code));
        assertThat(tokens.statusCode()).isEqualTo(200);
        String token = body(tokens).get("accessToken").asString();
        String patient = body(getAs(token, "/api/v1/me")).get("patientId").asString();
        String note = "Головокружение после эналаприла " + UUID.randomUUID();

        var written = send(request("/api/v1/patients/" + patient + "/diary")
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                        json.writeValueAsString(Map.of("measure", "PULSE", "value", "70", "note", note))))
                .build());
        var read = getAs(token, "/api/v1/patients/" + patient + "/diary");
        var record = getAs(token, "/api/v1/patients/" + patient + "/record");

        assertThat(written.statusCode()).as(written.body()).isEqualTo(201);
        assertThat(read.body()).contains(note);
        assertThat(record.statusCode()).isEqualTo(200);
        String readId = read.headers().firstValue("X-Request-Id").orElseThrow();
        String recordId = record.headers().firstValue("X-Request-Id").orElseThrow();
        // Timestamps are digits too: a six-digit code must not be found in a fraction of a second.
        String logs = output.getAll().replaceAll("\"@timestamp\":\"[^\"]*\"", "");
        assertThat(logs)
                .contains("\"requestId\":\"proxy-given-id-0001\"")
                .contains("\"requestId\":\"" + readId + "\"")
                .contains("/api/v1/patients/{id}/diary")
                .doesNotContain(code)
                .doesNotContain(note)
                .doesNotContain("Головокружение")
                .doesNotContain(phone)
                .doesNotContain(token);
        // The read of the record is audited with the id of the request that read it.
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE request_id = :id")
                        .param("id", recordId)
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    private java.net.http.HttpRequest managementRequest(String path) {
        return java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + managementPort + path))
                .GET()
                .build();
    }
}
