package org.medkarta.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in telephony gateway that speaks the click-to-call HTTP protocol (SPEC D6) as a real
 * HTTP server in the test JVM, started once per run (like {@link TestDatabases}) and named to every
 * application context through the {@code medkarta.telephony.*} system properties. It takes a call
 * request only with the right bearer key, keeps what it was asked (our call id, both numbers, the
 * callback address, the idempotency key), and sends the call's events back to the app over HTTP,
 * signed with HMAC-SHA256 of the raw body under the shared secret, in whatever order and as often as
 * a test says, as real gateways do.
 */
public class TelephonyStandIn implements LauncherSessionListener {

    public static final String API_KEY = "stand-in-key-" + UUID.randomUUID();
    public static final String SECRET = "stand-in-secret-" + UUID.randomUUID();

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final List<Dialled> DIALLED = new CopyOnWriteArrayList<>();
    private static final AtomicInteger REFUSALS_AHEAD = new AtomicInteger();
    private static final AtomicInteger UNAUTHORISED = new AtomicInteger();
    private static volatile HttpServer server;

    /** One click-to-call request as the gateway received it. */
    public record Dialled(
            UUID callId, String from, String to, String callbackUrl, String idempotencyKey, String gatewayId) {}

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        server = StandInServer.start("telephony-stand-in", "/click-to-call", TelephonyStandIn::dial);
        System.setProperty("medkarta.telephony.gateway", "http");
        System.setProperty(
                "medkarta.telephony.http.url",
                "http://127.0.0.1:" + server.getAddress().getPort() + "/click-to-call");
        System.setProperty("medkarta.telephony.http.api-key", API_KEY);
        System.setProperty("medkarta.telephony.http.webhook.secret", SECRET);
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (server != null) {
            server.stop(0);
        }
    }

    private static void dial(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (!("Bearer " + API_KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                UNAUTHORISED.incrementAndGet();
                answer(exchange, 401, "{\"error\":\"unauthorized\"}");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, 405, "{}");
                return;
            }
            if (REFUSALS_AHEAD.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                answer(exchange, 503, "{\"error\":\"overloaded\"}");
                return;
            }
            JsonNode request = JSON.readTree(body);
            String gatewayId = "gw-" + UUID.randomUUID();
            DIALLED.add(new Dialled(
                    UUID.fromString(request.get("callId").asString()),
                    request.get("from").asString(),
                    request.get("to").asString(),
                    request.get("callbackUrl").asString(),
                    exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                    gatewayId));
            answer(exchange, 202, "{\"id\":\"" + gatewayId + "\"}");
        } catch (RuntimeException unreadable) {
            answer(exchange, 400, "{\"error\":\"bad request\"}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        StandInServer.answer(exchange, status, body);
    }

    /** The request the gateway got for our call id. */
    public static Optional<Dialled> dialled(UUID callId) {
        return DIALLED.stream().filter(d -> d.callId().equals(callId)).findFirst();
    }

    /** Every request it took whose callback goes to the app on {@code port}. */
    public static List<Dialled> dialledTo(int port) {
        return DIALLED.stream()
                .filter(d -> URI.create(d.callbackUrl()).getPort() == port)
                .toList();
    }

    /** How many requests it refused for a wrong or missing key. */
    public static int unauthorised() {
        return UNAUTHORISED.get();
    }

    /** The next {@code count} requests are answered 503, as an overloaded gateway does. */
    public static void refuseNext(int count) {
        REFUSALS_AHEAD.set(count);
    }

    /**
     * Sends an event of the call to its callback address, signed.
     *
     * @param duration the talk time in seconds, or null
     */
    public static HttpResponse<String> report(Dialled call, String event, Instant at, Integer duration) {
        String body = "{\"callId\":\"" + call.callId() + "\",\"event\":\"" + event + "\",\"at\":\"" + at + "\""
                + (duration == null ? "" : ",\"duration\":" + duration) + ",\"gatewayId\":\"" + call.gatewayId()
                + "\"}";
        return deliver(call.callbackUrl(), body, sign(body));
    }

    /** Sends any body to a callback address with any signature header (null: none). */
    public static HttpResponse<String> deliver(String url, String body, String signature) {
        var request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (signature != null) {
            request.header("X-Signature", signature);
        }
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code sha256=} and the hex HMAC-SHA256 of the body under the shared secret. */
    public static String sign(String body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
