package org.medkarta.signature;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signs through a remote signing service that speaks the CryptoPro DSS SignServer REST API: {@code
 * POST <url>/documents} with a Bearer token and {@code {Content, Name, Signature: {Type: "CAdES",
 * Parameters: {IsDetached: "True", CADESType: "BES"}, CertificateId, PinCode?}}}, answered by the
 * signature as a base64 JSON string; {@code GET <url>/certificates/<id>} gives {@code
 * CertificateBase64}. The service keeps the keys; Medkarta holds only which certificate id signs
 * for whom ({@code medkarta.signature.remote.certificates.<owner id>}).
 */
class RemoteSigner implements Signer {

    private static final Logger log = LoggerFactory.getLogger(RemoteSigner.class);

    private final SignatureProperties.Remote remote;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    RemoteSigner(SignatureProperties properties) {
        this.remote = properties.remote();
        this.http = HttpClient.newBuilder().connectTimeout(remote.timeout()).build();
    }

    @Override
    public Optional<X509Certificate> certificate(SigningKey key) {
        String id = remote.certificates().get(key.ownerId().toString());
        if (id == null || remote.url() == null) {
            return Optional.empty();
        }
        JsonNode answer = json.readTree(
                call(HttpRequest.newBuilder(endpoint("certificates/" + id)).GET()));
        JsonNode base64 = answer.get("CertificateBase64");
        if (base64 == null || !base64.isString()) {
            throw SignatureRefusal.signingServiceUnavailable();
        }
        return Optional.of(Certificates.read(base64.asString().getBytes(StandardCharsets.US_ASCII)));
    }

    @Override
    public byte[] sign(SigningKey key, byte[] document, char[] password, Instant signingTime) {
        String id = remote.certificates().get(key.ownerId().toString());
        if (id == null || remote.url() == null) {
            throw SignatureRefusal.noSigningKey();
        }
        var parameters = new LinkedHashMap<String, Object>();
        parameters.put("IsDetached", "True");
        parameters.put("CADESType", "BES");
        var signature = new LinkedHashMap<String, Object>();
        signature.put("Type", "CAdES");
        signature.put("Parameters", parameters);
        signature.put("CertificateId", id);
        if (password != null) {
            signature.put("PinCode", new String(password));
        }
        String body = json.writeValueAsString(Map.of(
                "Content", Base64.getEncoder().encodeToString(document), "Name", "document", "Signature", signature));
        String answer = call(HttpRequest.newBuilder(endpoint("documents"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        JsonNode node = json.readTree(answer);
        if (!node.isString()) {
            throw SignatureRefusal.signingServiceUnavailable();
        }
        try {
            return Base64.getMimeDecoder().decode(node.asString());
        } catch (IllegalArgumentException notBase64) {
            throw SignatureRefusal.signingServiceUnavailable();
        }
    }

    private URI endpoint(String path) {
        String base = remote.url().toString();
        return URI.create(base.endsWith("/") ? base + path : base + "/" + path);
    }

    private String call(HttpRequest.Builder request) {
        try {
            var response = http.send(
                    request.timeout(remote.timeout())
                            .header("Authorization", "Bearer " + (remote.token() == null ? "" : remote.token()))
                            .header("Accept", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() == 200) {
                return response.body();
            }
            String error = errorOf(response.body());
            log.warn("The signing service answered {} {}", response.statusCode(), error);
            // DSS names a wrong PIN of the key container in its error code.
            if (response.statusCode() == 400
                    && error.toLowerCase(java.util.Locale.ROOT).contains("pin")) {
                throw SignatureRefusal.keystorePasswordWrong();
            }
            throw SignatureRefusal.signingServiceUnavailable();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw SignatureRefusal.signingServiceUnavailable();
        } catch (java.io.IOException unreachable) {
            log.warn("The signing service is not reachable: {}", unreachable.toString());
            throw SignatureRefusal.signingServiceUnavailable();
        }
    }

    private String errorOf(String body) {
        try {
            JsonNode node = json.readTree(body);
            JsonNode error = node.get("error");
            return error == null ? "" : error.asString();
        } catch (RuntimeException notJson) {
            return "";
        }
    }
}
