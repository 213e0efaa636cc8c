package org.medkarta.notification;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Sends SMS through a provider's HTTP API: the configured method, URL, headers and body template.
 * Any answer but 2xx is a failed attempt, retried by the dispatcher.
 */
class HttpSmsGateway implements SmsGateway {

    private final NotificationProperties.Http settings;
    private final HttpClient client;

    HttpSmsGateway(NotificationProperties.Http settings) {
        this.settings = settings;
        this.client = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    @Override
    public void send(Envelope sms) throws IOException, InterruptedException {
        if (settings.url() == null || settings.url().isBlank()) {
            throw new ChannelUnavailable(Channel.SMS, "medkarta.notification.sms.http.url is not set");
        }
        var request = HttpRequest.newBuilder(URI.create(settings.url().strip()))
                .timeout(settings.timeout())
                .method(settings.method().toUpperCase(java.util.Locale.ROOT), bodyOf(sms));
        settings.headers().forEach(request::header);
        if (settings.idempotencyHeader() != null
                && !settings.idempotencyHeader().isBlank()) {
            request.header(settings.idempotencyHeader(), sms.idempotencyKey());
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            String answer = response.body() == null ? "" : response.body();
            throw new IOException("SMS provider answered " + response.statusCode() + ": "
                    + answer.substring(0, Math.min(answer.length(), 500)));
        }
    }

    private HttpRequest.BodyPublisher bodyOf(Envelope sms) {
        String body = settings.bodyTemplate()
                .replace("{phone}", escape(sms.to()))
                .replace("{text}", escape(sms.body()))
                .replace("{key}", escape(sms.idempotencyKey()));
        return HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
    }

    private String escape(String value) {
        return switch (settings.escaping()) {
            case JSON -> json(value);
            case FORM -> URLEncoder.encode(value, StandardCharsets.UTF_8);
            case NONE -> value;
        };
    }

    private static String json(String value) {
        var escaped = new StringBuilder(value.length() + 16);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> escaped.append("\\\"");
                case '\\' -> escaped.append("\\\\");
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
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
