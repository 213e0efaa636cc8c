package org.medkarta.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in of the Telegram Bot API's HTTP methods (SPEC J4), a real HTTP server in the test JVM
 * started once per run (like {@link TelephonyStandIn}) and named to every application context
 * through the {@code medkarta.messenger.telegram.*} system properties, with the bot in webhook mode.
 * It answers {@code /bot<token>/<method>} only for the right token, as Telegram does, takes the
 * parameters as form fields or JSON, keeps every call ({@code sendMessage} with its text and inline
 * buttons, {@code answerCallbackQuery}, {@code setWebhook}) and answers {@code {"ok": true, …}}.
 */
public class TelegramStandIn implements LauncherSessionListener {

    public static final String TOKEN = "123456:stand-in-" + UUID.randomUUID();
    public static final String WEBHOOK_PATH = "hook-" + UUID.randomUUID();
    public static final String SECRET_TOKEN =
            "secret-" + UUID.randomUUID().toString().replace("-", "");
    public static final String BOT = "medkarta_test_bot";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    private static final AtomicInteger MESSAGE_IDS = new AtomicInteger(100);
    private static volatile HttpServer server;

    /** An inline button as sent: its text and callback data. */
    public record Button(String text, String data) {}

    /** One Bot API call as the stand-in received it. */
    public record Call(String method, Map<String, String> parameters) {

        public long chatId() {
            return Long.parseLong(parameters.getOrDefault("chat_id", "0"));
        }

        public String text() {
            return parameters.getOrDefault("text", "");
        }

        /** The inline keyboard's buttons, row after row. */
        public List<Button> buttons() {
            var buttons = new ArrayList<Button>();
            String markup = parameters.get("reply_markup");
            if (markup == null) {
                return buttons;
            }
            for (JsonNode row : JSON.readTree(markup).path("inline_keyboard")) {
                for (JsonNode button : row) {
                    buttons.add(new Button(
                            button.path("text").asString(),
                            button.path("callback_data").asString(null)));
                }
            }
            return buttons;
        }
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        server = StandInServer.start("telegram-stand-in", "/", TelegramStandIn::call);
        System.setProperty("medkarta.messenger.telegram.mode", "webhook");
        System.setProperty("medkarta.messenger.telegram.token", TOKEN);
        System.setProperty(
                "medkarta.messenger.telegram.api-url",
                "http://127.0.0.1:" + server.getAddress().getPort());
        System.setProperty("medkarta.messenger.telegram.webhook-path", WEBHOOK_PATH);
        System.setProperty("medkarta.messenger.telegram.secret-token", SECRET_TOKEN);
        System.setProperty("medkarta.messenger.telegram.username", BOT);
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Every call of {@code method} so far. */
    public static List<Call> calls(String method) {
        return CALLS.stream().filter(call -> call.method().equals(method)).toList();
    }

    /** The messages sent to one chat so far, oldest first. */
    public static List<Call> sentTo(long chat) {
        return calls("sendMessage").stream()
                .filter(call -> call.chatId() == chat)
                .toList();
    }

    /** The latest message sent to the chat. */
    public static Call lastTo(long chat) {
        var sent = sentTo(chat);
        if (sent.isEmpty()) {
            throw new AssertionError("nothing was sent to chat " + chat);
        }
        return sent.get(sent.size() - 1);
    }

    private static void call(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String prefix = "/bot" + TOKEN + "/";
            if (!path.startsWith(prefix)) {
                answer(exchange, 401, "{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}");
                return;
            }
            String method = path.substring(prefix.length());
            var parameters = parameters(exchange);
            CALLS.add(new Call(method, parameters));
            String result = switch (method) {
                case "sendMessage" ->
                    "{\"message_id\":" + MESSAGE_IDS.incrementAndGet()
                            + ",\"date\":1,\"chat\":{\"id\":" + parameters.getOrDefault("chat_id", "0")
                            + ",\"type\":\"private\"},\"text\":" + JSON.writeValueAsString(parameters.get("text"))
                            + "}";
                case "getUpdates" -> "[]";
                default -> "true";
            };
            answer(exchange, 200, "{\"ok\":true,\"result\":" + result + "}");
        } catch (RuntimeException unreadable) {
            answer(exchange, 400, "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request\"}");
        }
    }

    private static Map<String, String> parameters(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var parameters = new LinkedHashMap<String, String>();
        String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (type.startsWith("application/json")) {
            JSON.readTree(body)
                    .properties()
                    .forEach(entry -> parameters.put(
                            entry.getKey(),
                            entry.getValue().isString()
                                    ? entry.getValue().asString()
                                    : entry.getValue().toString()));
        } else if (!body.isEmpty()) {
            for (String pair : body.split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                parameters.put(name, value);
            }
        }
        return parameters;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        StandInServer.answer(exchange, status, body);
    }
}
