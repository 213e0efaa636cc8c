package org.medkarta.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The JSON API of an app the reliability suite runs as a separate process (or through a proxy in
 * front of several): requests with an optional bearer token, at whatever base address the app has
 * now.
 */
final class ApiClient {

    private final HttpClient http;
    private final Supplier<String> base;
    private final Duration timeout;

    ApiClient(HttpClient http, Supplier<String> base, Duration timeout) {
        this.http = http;
        this.base = base;
        this.timeout = timeout;
    }

    HttpResponse<String> post(String token, String path, Object body) throws IOException {
        var request = HttpRequest.newBuilder(URI.create(base.get() + path))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CrashIT.JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    HttpResponse<String> get(String token, String path) throws IOException {
        var request = HttpRequest.newBuilder(URI.create(base.get() + path))
                .timeout(timeout)
                .header("Accept", "application/json")
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** The response, after checking its status (the request and the body name a failure). */
    static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        assertThat(response.statusCode())
                .as(response.request().method() + " " + response.request().uri() + ": " + response.body())
                .isEqualTo(status);
        return response;
    }
}
