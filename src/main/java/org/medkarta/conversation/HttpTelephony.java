package org.medkarta.conversation;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.Phone;
import org.medkarta.shared.PublicUrl;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A click-to-call API over HTTP (SPEC D6): one request asks the gateway to ring the doctor's phone,
 * then the patient's, and bridge them; the gateway reports progress in webhooks signed with
 * HMAC-SHA256 of the raw body under a shared secret. URL, credentials, body and the webhook's field
 * names are configuration ({@link TelephonyProperties.Http}), so a provider's own API fits without
 * code.
 */
class HttpTelephony implements Telephony {

    static final String WEBHOOK_PATH = "/api/v1/telephony/webhooks/";

    private static final Map<String, PhoneCallEvent.Kind> DEFAULT_EVENTS = Map.of(
            "ringing", PhoneCallEvent.Kind.RINGING,
            "answered", PhoneCallEvent.Kind.ANSWERED,
            "bridged", PhoneCallEvent.Kind.ANSWERED,
            "completed", PhoneCallEvent.Kind.COMPLETED,
            "busy", PhoneCallEvent.Kind.BUSY,
            "no-answer", PhoneCallEvent.Kind.NO_ANSWER,
            "failed", PhoneCallEvent.Kind.FAILED,
            "canceled", PhoneCallEvent.Kind.FAILED);

    private final TelephonyProperties.Http settings;
    private final String callbackUrl;
    private final PublicUrl publicUrl;
    private final Map<String, PhoneCallEvent.Kind> events;
    private final byte[] secret;
    private final HttpClient client;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Clock clock;

    HttpTelephony(TelephonyProperties properties, PublicUrl publicUrl, Clock clock) {
        this.settings = properties.http();
        if (settings.url() == null || settings.url().isBlank()) {
            throw new IllegalStateException(
                    "medkarta.telephony.http.url must be set with medkarta.telephony.gateway=http:"
                            + " the gateway's click-to-call address");
        }
        String key = settings.webhook().secret();
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("medkarta.telephony.http.webhook.secret must be set with"
                    + " medkarta.telephony.gateway=http: webhooks that cannot be verified are never believed");
        }
        this.secret = key.getBytes(StandardCharsets.UTF_8);
        this.callbackUrl =
                properties.callbackUrl() == null || properties.callbackUrl().isBlank()
                        ? null
                        : properties.callbackUrl().strip();
        this.events = new HashMap<>(DEFAULT_EVENTS);
        settings.webhook()
                .events()
                .forEach((name, kind) -> this.events.put(
                        name.toLowerCase(Locale.ROOT),
                        PhoneCallEvent.Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT))));
        this.publicUrl = publicUrl;
        this.client = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        this.clock = clock;
    }

    @Override
    public boolean available() {
        return true;
    }

    /** Where the gateway sends events: the configured address, or this app's webhook path. */
    String callbackUrl() {
        return callbackUrl != null ? callbackUrl : publicUrl.of(WEBHOOK_PATH + settings.provider());
    }

    @Override
    public void dial(UUID callId, Phone doctor, Phone patient) throws IOException, InterruptedException {
        String body = settings.bodyTemplate()
                .replace("{callId}", escape(callId.toString()))
                .replace("{from}", escape(doctor.e164()))
                .replace("{to}", escape(patient.e164()))
                .replace("{callbackUrl}", escape(callbackUrl()));
        var request = HttpRequest.newBuilder(URI.create(settings.url().strip()))
                .timeout(settings.timeout())
                .header("Content-Type", settings.contentType())
                .method(
                        settings.method().toUpperCase(Locale.ROOT),
                        HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            request.header("Authorization", "Bearer " + settings.apiKey().strip());
        }
        settings.headers().forEach(request::setHeader);
        if (settings.idempotencyHeader() != null
                && !settings.idempotencyHeader().isBlank()) {
            request.header(settings.idempotencyHeader(), callId.toString());
        }
        HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            // The answer's body may repeat the numbers: only the status is told.
            throw new IOException("the telephony gateway answered " + response.statusCode());
        }
    }

    @Override
    public PhoneCallEvent event(String provider, byte[] body, Function<String, String> header) {
        if (provider == null || !provider.equals(settings.provider())) {
            throw new NotFound();
        }
        if (!signed(
                body == null ? new byte[0] : body,
                header.apply(settings.webhook().signatureHeader()))) {
            throw TelephonyRefusal.badSignature();
        }
        JsonNode event;
        try {
            event = json.readTree(body);
        } catch (JacksonException | IllegalArgumentException unreadable) {
            throw new MalformedWebhook("not JSON");
        }
        if (event == null || !event.isObject()) {
            throw new MalformedWebhook("not a JSON object");
        }
        var webhook = settings.webhook();
        UUID callId = callId(text(event, webhook.callId()).orElseThrow(() -> new MalformedWebhook("no call id")));
        String name = text(event, webhook.event()).orElseThrow(() -> new MalformedWebhook("no event"));
        PhoneCallEvent.Kind kind = events.get(name.strip().toLowerCase(Locale.ROOT));
        Instant at = at(event.at(webhook.at()));
        Duration talked = talked(event.at(webhook.duration()));
        return new PhoneCallEvent(callId, kind == null ? PhoneCallEvent.Kind.OTHER : kind, at, talked);
    }

    /** The signature over the raw body, compared in constant time. */
    boolean signed(byte[] body, String signature) {
        if (signature == null || signature.isBlank()) {
            return false;
        }
        String hex = signature.strip().toLowerCase(Locale.ROOT);
        if (hex.startsWith("sha256=")) {
            hex = hex.substring("sha256=".length());
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, body), given);
    }

    /** HMAC-SHA256 of {@code body} under {@code key}. */
    static byte[] hmac(byte[] key, byte[] body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static Optional<String> text(JsonNode event, String pointer) {
        JsonNode node = event.at(pointer);
        if (node.isMissingNode() || node.isNull() || !node.isValueNode()) {
            return Optional.empty();
        }
        String value = node.asString();
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    private static UUID callId(String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException notOurs) {
            throw new MalformedWebhook("the call id is not one of ours");
        }
    }

    private Instant at(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return clock.instant();
        }
        if (node.isNumber()) {
            return Instant.ofEpochSecond(node.asLong());
        }
        if (!node.isString()) {
            throw new MalformedWebhook("the time is neither ISO-8601 nor a number");
        }
        try {
            return OffsetDateTime.parse(node.asString().strip()).toInstant();
        } catch (DateTimeParseException notIso) {
            throw new MalformedWebhook("the time is not ISO-8601");
        }
    }

    private static Duration talked(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        long seconds;
        if (node.isIntegralNumber()) {
            seconds = node.asLong();
        } else if (node.isString() && node.asString().strip().matches("\\d{1,9}")) {
            seconds = Long.parseLong(node.asString().strip());
        } else {
            throw new MalformedWebhook("the duration is not a whole number of seconds");
        }
        if (seconds < 0 || seconds > Duration.ofDays(1).toSeconds()) {
            throw new MalformedWebhook("the duration is out of range");
        }
        return Duration.ofSeconds(seconds);
    }

    private String escape(String value) {
        return switch (settings.escaping()) {
            case JSON -> json(value);
            case FORM -> URLEncoder.encode(value, StandardCharsets.UTF_8);
        };
    }

    private static String json(String value) {
        var escaped = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        escaped.append(String.format("\\u%04x", (int) c));
                    } else {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
