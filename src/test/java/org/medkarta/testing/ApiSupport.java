package org.medkarta.testing;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON API calls against the running app, with the movable clock at hand. */
public abstract class ApiSupport extends WebClientSupport {

    protected final JsonMapper json = JsonMapper.builder().build();

    @Autowired
    protected MutableClock clock;

    protected HttpResponse<String> post(String path, Object body, String... headers) {
        var builder = request(path)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return send(builder.build());
    }

    /** A JSON PUT as {@code token}'s holder. */
    protected HttpResponse<String> putAs(String token, String path, Object body) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token)
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build());
    }

    protected HttpResponse<String> getAs(String token, String path) {
        return get(path, "Authorization", "Bearer " + token, "Accept", "application/json");
    }

    /** A browser session (its cookie) for {@code token}'s holder, through the test sign-in. */
    protected String pageSession(String token) {
        var signedIn = get("/test/token-sign-in?token=" + token + "&continue=/");
        if (signedIn.statusCode() != 302) {
            throw new IllegalStateException("test sign-in answered " + signedIn.statusCode());
        }
        return signedIn.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.split(";", 2)[0])
                .filter(cookie -> !cookie.startsWith("medkarta-lang"))
                .findFirst()
                .orElseThrow();
    }

    /** A form posted as a page posts it: with the session's CSRF token, read from the home page. */
    protected HttpResponse<String> pageForm(String cookie, String path, String form) {
        var matcher = java.util.regex.Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"")
                .matcher(get("/", "Cookie", cookie).body());
        if (!matcher.find()) {
            throw new IllegalStateException("no CSRF token on the home page");
        }
        return send(request(path)
                .header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "_csrf=" + matcher.group(1) + (form.isEmpty() ? "" : "&" + form)))
                .build());
    }

    protected JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    protected static Map<String, Object> map(Object... pairs) {
        var map = new java.util.LinkedHashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    /**
     * A multipart POST with text fields and one file ({@code content} null: no file), as {@code
     * token}'s holder, or anonymously when {@code token} is null.
     */
    protected HttpResponse<String> multipart(
            String token, String path, Map<String, String> fields, String fileName, byte[] content) {
        String boundary = "----medkarta" + java.util.UUID.randomUUID();
        var out = new java.io.ByteArrayOutputStream();
        var utf8 = java.nio.charset.StandardCharsets.UTF_8;
        fields.forEach((name, value) -> out.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(utf8)));
        if (content != null) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                            + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(utf8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(utf8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(utf8));
        var builder = request(path)
                .header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return send(builder.build());
    }

    /**
     * A multipart POST with named file parts ({@code files}: part name → bytes, sent as {@code
     * <name>.bin}) and text fields, as {@code token}'s holder, or anonymously when it is null.
     */
    protected HttpResponse<String> multipartParts(
            String token, String path, Map<String, byte[]> files, Map<String, String> fields) {
        String boundary = "----medkarta" + java.util.UUID.randomUUID();
        var out = new java.io.ByteArrayOutputStream();
        var utf8 = java.nio.charset.StandardCharsets.UTF_8;
        fields.forEach((name, value) -> out.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(utf8)));
        files.forEach((name, content) -> {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\""
                            + name + ".bin\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                    .getBytes(utf8));
            out.writeBytes(content);
            out.writeBytes("\r\n".getBytes(utf8));
        });
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(utf8));
        var builder = request(path)
                .header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return send(builder.build());
    }

    /** The problem name: the last segment of the ProblemDetail type URI. */
    protected String problem(HttpResponse<String> response) {
        String type = body(response).get("type").asString();
        return type.substring(type.lastIndexOf('/') + 1);
    }
}
