package org.medkarta.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medkarta.files.FilePurpose;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.UserId;
import org.medkarta.testing.ApiSupport;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.TestClinics;
import org.medkarta.testing.TestPki;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code POST /api/v1/signatures/verify} and the public page, for anyone (issue 16). */
class VerificationApiIT extends ApiSupport {

    static final String IVANOV = "11223344595";
    static final byte[] PDF = "%PDF-1.7\nПротокол консультации\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
    static final TestPki PKI = TestPki.gost256();
    static final TestPki.Issued DOCTOR = PKI.doctor(IVANOV, "Иванов Иван Иванович");

    @Autowired
    TrustAnchors anchors;

    @Autowired
    ClinicFacades clinics;

    @Autowired
    SignedDocuments documents;

    @Autowired
    Signatures signatures;

    @Autowired
    org.medkarta.files.Files files;

    ClinicId clinic;

    @BeforeEach
    void aClinicTrustsTheTestRoot() {
        clinic = TestClinics.register(clinics, "Проверка").id();
        anchors.add(TestClinics.PLATFORM, clinic, PKI.root().der(), "certificate");
    }

    HttpResponse<String> verify(byte[] document, byte[] signature) {
        var parts = new java.util.LinkedHashMap<String, byte[]>();
        if (document != null) {
            parts.put("document", document);
        }
        if (signature != null) {
            parts.put("signature", signature);
        }
        return multipartParts(null, "/api/v1/signatures/verify", parts, Map.of());
    }

    @Test
    void anyoneVerifiesAGoodPairAndIsToldWhoSignedIt() {
        var response = verify(PDF, PKI.sign(DOCTOR, PDF));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        var verdict = body(response);
        assertThat(verdict.get("valid").asBoolean()).isTrue();
        assertThat(verdict.get("reason").isNull()).isTrue();
        assertThat(verdict.at("/signer/name").asString()).isEqualTo("Иванов Иван Иванович");
        assertThat(verdict.at("/signer/serial").asString()).isEqualTo(DOCTOR.serial());
        assertThat(verdict.at("/signer/notBefore").asString()).isNotBlank();
        assertThat(verdict.at("/signer/notAfter").asString()).isNotBlank();
        assertThat(verdict.get("signedAt").asString()).isNotBlank();
    }

    @Test
    void aChangedDocumentIsAlteredWithTheReasonInTheReadersLanguage() {
        byte[] changed = Arrays.copyOf(PDF, PDF.length);
        changed[10] ^= 1;

        var response = verify(changed, PKI.sign(DOCTOR, PDF));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body(response).get("valid").asBoolean()).isFalse();
        assertThat(body(response).get("reason").asString()).isEqualTo("ALTERED");
        assertThat(body(response).get("message").asString()).contains("изменен");
        assertThat(body(response).at("/signer/name").asString()).isEqualTo("Иванов Иван Иванович");
    }

    @Test
    void aMissingPartIsNamedAsTheFieldInAProblem() {
        var response = verify(PDF, null);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("problem+json"));
        assertThat(response.body()).contains("signature");
    }

    @Test
    void aStoredDocumentIsVerifiedByIdAndTokenAndAWrongTokenRevealsNothing() {
        var reserved = documents.reserve("PROTOCOL", clinic, "Протокол консультации от 05.12.2026");
        byte[] signature = PKI.sign(DOCTOR, PDF);
        var owner = new UserId(UUID.randomUUID());
        documents.file(
                reserved.id(),
                files.store(FilePurpose.SIGNED_DOCUMENT, owner, "document", "p.pdf", PDF)
                        .id(),
                files.store(FilePurpose.SIGNATURE, owner, "signature", "p.sig", signature)
                        .id(),
                signatures.verify(PDF, signature, new Trust(clinic, null, null)));

        var good = multipartParts(
                null,
                "/api/v1/signatures/verify",
                Map.of(),
                Map.of("documentId", reserved.id().toString(), "token", reserved.token()));
        var wrong = multipartParts(
                null,
                "/api/v1/signatures/verify",
                Map.of(),
                Map.of("documentId", reserved.id().toString(), "token", "guess"));
        var page = get("/signatures/verify?document=" + reserved.id() + "&token=" + reserved.token());
        var wrongPage = get("/signatures/verify?document=" + reserved.id() + "&token=guess");

        assertThat(good.statusCode()).as(good.body()).isEqualTo(200);
        assertThat(body(good).get("valid").asBoolean()).isTrue();
        assertThat(body(good).at("/document/title").asString()).isEqualTo("Протокол консультации от 05.12.2026");
        assertThat(body(good).at("/document/kind").asString()).isEqualTo("PROTOCOL");
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(body(wrong).get("valid").asBoolean()).isFalse();
        assertThat(body(wrong).get("reason").asString()).isEqualTo("NOT_FOUND");
        assertThat(wrong.body())
                .doesNotContain("Протокол")
                .doesNotContain("Иванов")
                .doesNotContain(DOCTOR.serial());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("data-valid=\"true\"")
                .contains("Протокол консультации от 05.12.2026")
                .contains("Иванов Иван Иванович");
        assertThat(page.body()).doesNotContain("%PDF");
        assertThat(wrongPage.body())
                .contains("data-valid=\"false\"")
                .doesNotContain("Протокол консультации от")
                .doesNotContain("Иванов");
    }

    /** Mangled inputs of every kind answer a verdict or a 4xx problem, never a 500. */
    @Test
    void mangledInputsNeverAnswerAServerError() {
        byte[] good = PKI.sign(DOCTOR, PDF);
        var random = new Random(16);
        var inputs = new java.util.ArrayList<byte[]>();
        for (int i = 0; i < 30; i++) {
            byte[] bytes = new byte[random.nextInt(2000) + 1];
            random.nextBytes(bytes);
            inputs.add(bytes);
        }
        for (int length : new int[] {1, 2, 10, 100, good.length / 2, good.length - 1}) {
            inputs.add(Arrays.copyOf(good, length));
        }
        for (int i = 0; i < 30; i++) {
            byte[] flipped = good.clone();
            flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
            // A flip in a field no signature covers (the outer digestAlgorithms, say) may leave it valid.
            var response = verify(PDF, flipped);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        }
        byte[] sequence = good.clone();
        sequence[1] = (byte) 0x84;
        inputs.add(sequence);
        inputs.add("-----BEGIN PKCS7-----\nMIIB????\n-----END PKCS7-----\n".getBytes(StandardCharsets.US_ASCII));
        inputs.add("-----BEGIN CMS-----\n".getBytes(StandardCharsets.US_ASCII));
        inputs.add(PKI.root().pem().getBytes(StandardCharsets.US_ASCII));
        inputs.add(PKI.crl());
        inputs.add(new byte[] {0x30, (byte) 0x80, 0, 0});
        for (byte[] input : inputs) {
            var response = verify(PDF, input);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(body(response).get("valid").asBoolean()).isFalse();
            var asDocument = verify(input, good);
            assertThat(asDocument.statusCode()).as(asDocument.body()).isEqualTo(200);
        }
        byte[] huge = new byte[11 * 1024 * 1024];
        var tooBig = verify(huge, good);
        assertThat(tooBig.statusCode()).as(tooBig.body()).isEqualTo(422);
        assertThat(tooBig.body()).contains("document");
        try {
            var beyondTheContainer = verify(new byte[26 * 1024 * 1024], good);
            assertThat(beyondTheContainer.statusCode()).isEqualTo(413);
        } catch (java.io.UncheckedIOException closedEarly) {
            // The server answered 413 and closed the connection before the client had sent it all.
            assertThat(closedEarly).hasMessageContaining("chunked");
        }
        var idGarbage = multipartParts(
                null, "/api/v1/signatures/verify", Map.of(), Map.of("documentId", "'; DROP", "token", ""));
        assertThat(idGarbage.statusCode()).isEqualTo(200);
        assertThat(body(idGarbage).get("reason").asString()).isEqualTo("NOT_FOUND");
    }
}
