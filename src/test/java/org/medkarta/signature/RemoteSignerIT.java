package org.medkarta.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.medkarta.shared.Snils;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.TestClinics;
import org.medkarta.testing.TestPki;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signing through a remote signing service, against a local stand-in that speaks the CryptoPro DSS
 * SignServer REST API (POST documents with a Bearer token, GET certificates/{id}).
 */
@SpringBootTest
class RemoteSignerIT {

    static final String TOKEN = "dss-token-" + UUID.randomUUID();
    static final UUID DOCTOR = UUID.randomUUID();
    static final UUID UNKNOWN_TO_SERVICE = UUID.randomUUID();
    static final String IVANOV = "11223344595";
    static final TestPki PKI = TestPki.gost256();
    static final TestPki.Issued CERTIFICATE = PKI.doctor(IVANOV, "Иванов Иван Иванович");
    static final List<JsonNode> REQUESTS = new CopyOnWriteArrayList<>();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final HttpServer DSS = standIn();

    @DynamicPropertySource
    static void remote(DynamicPropertyRegistry registry) {
        registry.add("medkarta.signature.signer", () -> "remote");
        registry.add(
                "medkarta.signature.remote.url",
                () -> "http://127.0.0.1:" + DSS.getAddress().getPort() + "/SignServer/rest/api");
        registry.add("medkarta.signature.remote.token", () -> TOKEN);
        registry.add("medkarta.signature.remote.certificates." + DOCTOR, () -> "7");
        registry.add("medkarta.signature.remote.certificates." + UNKNOWN_TO_SERVICE, () -> "99");
    }

    @AfterAll
    static void stop() {
        DSS.stop(0);
    }

    @Autowired
    Signatures signatures;

    @Autowired
    TrustAnchors anchors;

    @Autowired
    ClinicFacades clinics;

    @Test
    void theServiceSignsADetachedCadesBesWithTheConfiguredCertificate() {
        var clinic = TestClinics.register(clinics, "DSS").id();
        anchors.add(TestClinics.PLATFORM, clinic, PKI.root().der(), "certificate");
        byte[] document = "%PDF-1.7\nПротокол\n%%EOF".getBytes(StandardCharsets.UTF_8);
        var key = new SigningKey(SigningKey.Owner.DOCTOR, DOCTOR);

        byte[] signature = signatures.sign(key, document, "1234".toCharArray());

        var verdict = signatures.verify(document, signature, new Trust(clinic, new Snils(IVANOV), null));
        assertThat(verdict.valid()).as(verdict.detail()).isTrue();
        JsonNode request = REQUESTS.get(REQUESTS.size() - 1);
        assertThat(request.get("Content").asString())
                .isEqualTo(Base64.getEncoder().encodeToString(document));
        assertThat(request.at("/Signature/Type").asString()).isEqualTo("CAdES");
        assertThat(request.at("/Signature/Parameters/IsDetached").asString()).isEqualTo("True");
        assertThat(request.at("/Signature/Parameters/CADESType").asString()).isEqualTo("BES");
        assertThat(request.at("/Signature/CertificateId").asString()).isEqualTo("7");
        assertThat(signatures.certificate(key)).hasValue(CERTIFICATE.der());
    }

    @Test
    void aWrongPinIsAWrongPasswordAndAServiceRefusalIsUnavailable() {
        byte[] document = "text".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> signatures.sign(
                        new SigningKey(SigningKey.Owner.DOCTOR, DOCTOR), document, "0000".toCharArray()))
                .isInstanceOf(SignatureRefusal.class)
                .hasMessage("keystore-password-wrong");
        assertThatThrownBy(() ->
                        signatures.sign(new SigningKey(SigningKey.Owner.DOCTOR, UNKNOWN_TO_SERVICE), document, null))
                .isInstanceOf(SignatureRefusal.class)
                .hasMessage("signing-service-unavailable");
        assertThatThrownBy(() ->
                        signatures.sign(new SigningKey(SigningKey.Owner.DOCTOR, UUID.randomUUID()), document, null))
                .isInstanceOf(SignatureRefusal.class)
                .hasMessage("no-signing-key");
    }

    private static HttpServer standIn() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/SignServer/rest/api/documents", RemoteSignerIT::documents);
            server.createContext("/SignServer/rest/api/certificates/", RemoteSignerIT::certificates);
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void documents(HttpExchange exchange) throws IOException {
        if (!authorised(exchange) || !"POST".equals(exchange.getRequestMethod())) {
            return;
        }
        JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
        REQUESTS.add(request);
        JsonNode signature = request.get("Signature");
        if (!"CAdES".equals(signature.get("Type").asString())
                || !"True".equals(signature.at("/Parameters/IsDetached").asString())) {
            answer(exchange, 400, "{\"error\":\"invalid_signature_params\"}");
            return;
        }
        if (!"7".equals(signature.get("CertificateId").asString())) {
            answer(exchange, 404, "{\"error\":\"object_not_found\",\"error_description\":\"certificate\"}");
            return;
        }
        if (signature.has("PinCode") && !"1234".equals(signature.get("PinCode").asString())) {
            answer(exchange, 400, "{\"error\":\"invalid_pin\",\"error_description\":\"wrong PIN\"}");
            return;
        }
        byte[] content = Base64.getDecoder().decode(request.get("Content").asString());
        answer(
                exchange,
                200,
                JSON.writeValueAsString(Base64.getEncoder().encodeToString(PKI.sign(CERTIFICATE, content))));
    }

    private static void certificates(HttpExchange exchange) throws IOException {
        if (!authorised(exchange)) {
            return;
        }
        if (!exchange.getRequestURI().getPath().endsWith("/7")) {
            answer(exchange, 404, "{\"error\":\"object_not_found\"}");
            return;
        }
        answer(
                exchange,
                200,
                JSON.writeValueAsString(java.util.Map.of(
                        "ID", 7, "CertificateBase64", Base64.getEncoder().encodeToString(CERTIFICATE.der()))));
    }

    private static boolean authorised(HttpExchange exchange) throws IOException {
        if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            answer(exchange, 401, "{\"error\":\"invalid_token\"}");
            return false;
        }
        return true;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
