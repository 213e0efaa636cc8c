package org.medkarta.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medkarta.testing.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** E-mail through SMTP (GreenMail) and SMS through an HTTP provider (the JDK's server), both in-process. */
@SpringBootTest(
        properties = {
            // Delivered on the test's own thread, so each assertion sees the gateway's answer at once.
            "medkarta.notification.dispatch.after-commit=inline",
            "medkarta.notification.dispatch.polling=false",
            "medkarta.notification.mail.gateway=smtp",
            "medkarta.notification.mail.from=Медкарта <no-reply@medkarta.test>",
            "medkarta.notification.sms.gateway=http",
            "medkarta.notification.sms.http.headers.Authorization=Bearer test-token",
            "medkarta.notification.sms.http.headers.Content-Type=application/json; charset=utf-8",
            "medkarta.notification.sms.http.body-template={\"sender\":\"Medkarta\",\"to\":\"{phone}\",\"text\":\"{text}\"}"
        })
class SmtpAndHttpGatewaysIT {

    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    static final HttpServer PROVIDER = provider();
    static final List<Request> RECEIVED = new CopyOnWriteArrayList<>();
    static final AtomicInteger FAILURES_AHEAD = new AtomicInteger();

    record Request(String method, String path, Map<String, List<String>> headers, String body) {}

    @Autowired
    Notifications notifications;

    @Autowired
    MutableClock clock;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        SMTP.start();
        PROVIDER.start();
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
        registry.add(
                "medkarta.notification.sms.http.url",
                () -> "http://127.0.0.1:" + PROVIDER.getAddress().getPort() + "/sms/send");
    }

    @AfterAll
    static void stopServers() {
        SMTP.stop();
        PROVIDER.stop(0);
    }

    @BeforeEach
    void reset() {
        TestClock.start(clock);
        RECEIVED.clear();
        FAILURES_AHEAD.set(0);
    }

    @Test
    void anEmailInRussianArrivesIntactOverSmtp() throws Exception {
        String address = "patient-" + UUID.randomUUID() + "@example.org";
        String body = "Вы записаны к терапевту на 12 декабря в 10:00.\nПожалуйста, приходите за 10 минут.";

        notifications.sendEmail(address, "Запись подтверждена — Медкарта", body);

        MimeMessage received = receivedBy(address);
        assertThat(received.getSubject()).isEqualTo("Запись подтверждена — Медкарта");
        assertThat(((String) received.getContent()).replace("\r\n", "\n")).isEqualTo(body);
        var from = (InternetAddress) received.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("no-reply@medkarta.test");
        assertThat(from.getPersonal()).isEqualTo("Медкарта");
    }

    @Test
    void anSmsGoesToTheHttpProviderWithTheConfiguredHeadersAndBody() {
        String key = "otp:" + UUID.randomUUID();

        notifications.sendSms("+79990000201", "Код входа: 123456. Никому не сообщайте \"код\"", key);

        assertThat(RECEIVED).hasSize(1);
        Request request = RECEIVED.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/sms/send");
        assertThat(request.headers().get("Authorization")).containsExactly("Bearer test-token");
        assertThat(request.headers().get("Idempotency-key")).containsExactly(key);
        assertThat(request.body())
                .isEqualTo("{\"sender\":\"Medkarta\",\"to\":\"+79990000201\","
                        + "\"text\":\"Код входа: 123456. Никому не сообщайте \\\"код\\\"\"}");
        assertThat(notifications.delivery(key).orElseThrow().status()).isEqualTo(Delivery.Status.SENT);
    }

    @Test
    void anHttpProviderErrorIsAFailedAttemptThatIsRetriedLater() {
        String key = "otp:" + UUID.randomUUID();
        FAILURES_AHEAD.set(1);

        notifications.sendSms("+79990000202", "Код входа: 654321", key);

        Delivery failed = notifications.delivery(key).orElseThrow();
        assertThat(failed.status()).isEqualTo(Delivery.Status.PENDING);
        assertThat(failed.lastError()).contains("503");

        clock.advance(Duration.ofSeconds(30));
        notifications.deliverPending();

        assertThat(notifications.delivery(key).orElseThrow().status()).isEqualTo(Delivery.Status.SENT);
        assertThat(RECEIVED).hasSize(2);
        assertThat(RECEIVED)
                .extracting(request -> request.headers().get("Idempotency-key").get(0))
                .containsOnly(key);
    }

    private static MimeMessage receivedBy(String address) throws Exception {
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(address)) {
                return message;
            }
        }
        throw new AssertionError("no e-mail reached " + address);
    }

    private static HttpServer provider() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                RECEIVED.add(new Request(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().getPath(),
                        Map.copyOf(exchange.getRequestHeaders()),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                boolean fail = FAILURES_AHEAD.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
                byte[] answer = (fail ? "busy" : "{\"status\":\"queued\"}").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(fail ? 503 : 200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
