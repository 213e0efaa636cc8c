package org.medkarta.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stand-in for YooKassa's REST API v3 as a real HTTP server in the test JVM, started once per run:
 * {@code POST /v3/payments} (HTTP basic authentication with the shop's id and secret key, an
 * {@code Idempotence-Key} required, the same key answering the same payment, a 54-FZ receipt
 * required as for a shop that sends receipts), {@code GET /v3/payments/{id}}, {@code POST
 * /v3/refunds} (in parts, no more back in all than was paid, the receipt adding up to the refund,
 * the payment's {@code refunded_amount} kept) and {@code GET /v3/refunds/{id}}. A test decides a
 * payment ({@link #succeed}, {@link #cancel}) and sends the notification YooKassa would, as often and
 * in whatever order it likes. Its address goes to every context through {@code
 * medkarta.payment.yookassa.*}; the provider stays the test gateway unless a test picks YooKassa.
 * Payment jobs are switched off in test runs: tests run them when they mean to.
 */
public class YooKassaStandIn implements LauncherSessionListener {

    public static final String SHOP_ID = "stand-in-shop";
    public static final String SECRET_KEY = "test_" + UUID.randomUUID();

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Map<String, ObjectNode> PAYMENTS = new ConcurrentHashMap<>();
    private static final Map<String, ObjectNode> REFUNDS = new ConcurrentHashMap<>();
    private static final Map<String, String> KEYS = new ConcurrentHashMap<>();
    private static final List<Received> REQUESTS = new CopyOnWriteArrayList<>();
    private static final AtomicInteger FAILURES_AHEAD = new AtomicInteger();
    private static volatile HttpServer server;

    /** A request that changed money, as the stand-in received it. */
    public record Received(String method, String path, String idempotenceKey, JsonNode body) {}

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        try {
            var started = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            started.createContext("/v3/", YooKassaStandIn::handle);
            started.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4, runnable -> {
                var thread = new Thread(runnable, "yookassa-stand-in");
                thread.setDaemon(true);
                return thread;
            }));
            started.start();
            server = started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty("medkarta.payment.yookassa.url", url());
        System.setProperty("medkarta.payment.yookassa.shop-id", SHOP_ID);
        System.setProperty("medkarta.payment.yookassa.secret-key", SECRET_KEY);
        System.setProperty("medkarta.payment.jobs", "false");
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (server != null) {
            server.stop(0);
        }
    }

    public static String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The payer confirmed on YooKassa's page: the payment succeeds (captured at once). */
    public static void succeed(String id) {
        var payment = PAYMENTS.get(id);
        payment.put("status", "succeeded");
        payment.put("paid", true);
    }

    /** The payer declined, or the bank refused. */
    public static void cancel(String id) {
        var payment = PAYMENTS.get(id);
        payment.put("status", "canceled");
        payment.putObject("cancellation_details").put("party", "yoo_money").put("reason", "canceled_by_user");
    }

    /** The next {@code count} requests answer 500, as YooKassa does when it is in trouble. */
    public static void failNext(int count) {
        FAILURES_AHEAD.set(count);
    }

    public static List<Received> requests() {
        return List.copyOf(REQUESTS);
    }

    public static List<Received> requestsWithKeyPrefix(String prefix) {
        return REQUESTS.stream()
                .filter(r -> r.idempotenceKey() != null && r.idempotenceKey().startsWith(prefix))
                .toList();
    }

    /** How many distinct payments the stand-in made for keys starting with the prefix. */
    public static long paymentsFor(String keyPrefix) {
        return KEYS.entrySet().stream()
                .filter(e -> e.getKey().startsWith(keyPrefix) && PAYMENTS.containsKey(e.getValue()))
                .count();
    }

    /** Refunds made of a payment. */
    public static List<JsonNode> refundsOf(String paymentId) {
        return REFUNDS.values().stream()
                .filter(r -> r.path("payment_id").asString().equals(paymentId))
                .map(r -> (JsonNode) r)
                .toList();
    }

    /** Sends the notification YooKassa sends about the payment (or refund) to the app's address. */
    public static HttpResponse<String> notify(String appUrl, String event, String objectId) {
        var object = event.startsWith("refund.") ? REFUNDS.get(objectId) : PAYMENTS.get(objectId);
        var body = JSON.createObjectNode();
        body.put("type", "notification");
        body.put("event", event);
        body.set("object", object == null ? JSON.createObjectNode().put("id", objectId) : object);
        try {
            return CLIENT.send(
                    HttpRequest.newBuilder(URI.create(appUrl + "/api/v1/payments/webhooks/yookassa"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String expected = "Basic "
                    + Base64.getEncoder().encodeToString((SHOP_ID + ":" + SECRET_KEY).getBytes(StandardCharsets.UTF_8));
            if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                error(exchange, 401, "invalid_credentials", null);
                return;
            }
            if (FAILURES_AHEAD.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                error(exchange, 500, "internal_server_error", null);
                return;
            }
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            if (method.equals("GET") && path.startsWith("/v3/payments/")) {
                found(exchange, PAYMENTS.get(path.substring("/v3/payments/".length())));
            } else if (method.equals("GET") && path.startsWith("/v3/refunds/")) {
                found(exchange, REFUNDS.get(path.substring("/v3/refunds/".length())));
            } else if (method.equals("POST") && (path.equals("/v3/payments") || path.equals("/v3/refunds"))) {
                String key = exchange.getRequestHeaders().getFirst("Idempotence-Key");
                if (key == null || key.isBlank() || key.length() > 64) {
                    error(exchange, 400, "invalid_request", "Idempotence-Key");
                    return;
                }
                JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
                REQUESTS.add(new Received(method, path, key, body));
                synchronized (KEYS) {
                    String known = KEYS.get(key);
                    if (known != null) {
                        answer(exchange, 200, PAYMENTS.containsKey(known) ? PAYMENTS.get(known) : REFUNDS.get(known));
                        return;
                    }
                    String problem = path.equals("/v3/payments") ? createPayment(body) : createRefund(body);
                    if (problem != null) {
                        error(exchange, 400, "invalid_request", problem);
                        return;
                    }
                    String id = LAST.get();
                    KEYS.put(key, id);
                    answer(exchange, 200, PAYMENTS.containsKey(id) ? PAYMENTS.get(id) : REFUNDS.get(id));
                }
            } else {
                error(exchange, 404, "not_found", null);
            }
        } catch (RuntimeException unreadable) {
            error(exchange, 400, "invalid_request", null);
        }
    }

    private static final ThreadLocal<String> LAST = new ThreadLocal<>();

    private static String createPayment(JsonNode body) {
        if (!body.path("amount").path("value").isString()
                || !"RUB".equals(body.path("amount").path("currency").asString())) {
            return "amount";
        }
        if (!"redirect".equals(body.path("confirmation").path("type").asString())
                || body.path("confirmation").path("return_url").asString("").isBlank()) {
            return "confirmation";
        }
        String receiptProblem = receiptProblem(body.path("receipt"));
        if (receiptProblem != null) {
            return receiptProblem;
        }
        String id = UUID.randomUUID().toString();
        var payment = JSON.createObjectNode();
        payment.put("id", id);
        payment.put("status", "pending");
        payment.put("paid", false);
        payment.set("amount", body.path("amount"));
        payment.putObject("confirmation")
                .put("type", "redirect")
                .put("confirmation_url", "https://yoomoney.ru/checkout/payments/v2/contract?orderId=" + id);
        payment.put("created_at", java.time.Instant.now().toString());
        payment.put("description", body.path("description").asString(""));
        payment.set("metadata", body.path("metadata"));
        payment.put("test", true);
        PAYMENTS.put(id, payment);
        LAST.set(id);
        return null;
    }

    private static String createRefund(JsonNode body) {
        var payment = PAYMENTS.get(body.path("payment_id").asString(""));
        if (payment == null || !"succeeded".equals(payment.path("status").asString())) {
            return "payment_id";
        }
        String receiptProblem = receiptProblem(body.path("receipt"));
        if (receiptProblem != null) {
            return receiptProblem;
        }
        long paid = kopecks(payment.path("amount"));
        long back = refundsOf(payment.path("id").asString()).stream()
                .mapToLong(r -> kopecks(r.path("amount")))
                .sum();
        long asked = kopecks(body.path("amount"));
        if (asked <= 0 || asked + back > paid) {
            return "amount";
        }
        // The refund's receipt adds up to the refund, as YooKassa checks a receipt against its amount.
        long items = 0;
        for (JsonNode item : body.path("receipt").path("items")) {
            items += new java.math.BigDecimal(item.path("quantity").asString("0"))
                    .multiply(new java.math.BigDecimal(
                            item.path("amount").path("value").asString("0")))
                    .movePointRight(2)
                    .longValue();
        }
        if (items != asked) {
            return "receipt.items";
        }
        String id = UUID.randomUUID().toString();
        var refund = JSON.createObjectNode();
        refund.put("id", id);
        refund.put("payment_id", payment.path("id").asString());
        refund.put("status", "succeeded");
        refund.set("amount", body.path("amount"));
        refund.put("created_at", java.time.Instant.now().toString());
        REFUNDS.put(id, refund);
        // A refund in parts: the payment keeps the sum given back, as YooKassa's payment object does.
        payment.putObject("refunded_amount")
                .put("value", java.math.BigDecimal.valueOf(asked + back, 2).toPlainString())
                .put("currency", "RUB");
        LAST.set(id);
        return null;
    }

    /** A 54-FZ receipt as YooKassa checks it: a customer contact, items with their fiscal fields. */
    private static String receiptProblem(JsonNode receipt) {
        if (receipt.isMissingNode()) {
            return "receipt";
        }
        var customer = receipt.path("customer");
        if (customer.path("phone").asString("").isBlank()
                && customer.path("email").asString("").isBlank()) {
            return "receipt.customer";
        }
        if (!receipt.path("items").isArray() || receipt.path("items").isEmpty()) {
            return "receipt.items";
        }
        for (JsonNode item : receipt.path("items")) {
            if (item.path("description").asString("").isBlank()
                    || item.path("quantity").asString("").isBlank()
                    || !item.path("amount").path("value").isString()
                    || !item.path("vat_code").isInt()
                    || item.path("payment_subject").asString("").isBlank()
                    || item.path("payment_mode").asString("").isBlank()) {
                return "receipt.items";
            }
        }
        return null;
    }

    private static long kopecks(JsonNode amount) {
        return new java.math.BigDecimal(amount.path("value").asString("0"))
                .movePointRight(2)
                .longValueExact();
    }

    private static void found(HttpExchange exchange, JsonNode object) throws IOException {
        if (object == null) {
            error(exchange, 404, "not_found", null);
        } else {
            answer(exchange, 200, object);
        }
    }

    private static void error(HttpExchange exchange, int status, String code, String parameter) throws IOException {
        var body = JSON.createObjectNode();
        body.put("type", "error");
        body.put("id", UUID.randomUUID().toString());
        body.put("code", code);
        if (parameter != null) {
            body.put("parameter", parameter);
        }
        answer(exchange, status, body);
    }

    private static void answer(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
