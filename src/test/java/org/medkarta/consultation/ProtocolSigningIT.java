package org.medkarta.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.medkarta.clinic.ProtocolSigningPolicies;
import org.medkarta.clinic.SigningPolicy;
import org.medkarta.identity.AccountSnils;
import org.medkarta.shared.Snils;
import org.medkarta.signature.Signatures;
import org.medkarta.signature.SignedDocuments;
import org.medkarta.signature.SigningKey;
import org.medkarta.signature.SigningKeys;
import org.medkarta.signature.Trust;
import org.medkarta.signature.TrustAnchors;
import org.medkarta.testing.Identifiers;
import org.medkarta.testing.TestClinics;
import org.medkarta.testing.TestPki;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The doctor signs the protocol (SPEC D9, issue 16): draft with the stamp and QR code, the detached
 * signature made with the test PKI standing in for the doctor's token, verification against the
 * clinic's trust anchors, and the protocol sent, immutable and served byte for byte.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "medkarta.signature.passwords.7d1f3c2a-0000-4000-8000-00000000c051=clinic-secret")
class ProtocolSigningIT extends ConsultationSupport {

    /** The clinic whose key's password is in configuration, as a co-signing clinic's is. */
    static final UUID CO_SIGNING_CLINIC = UUID.fromString("7d1f3c2a-0000-4000-8000-00000000c051");

    static final TestPki PKI = TestPki.gost256();

    @Autowired
    TrustAnchors anchors;

    @Autowired
    AccountSnils snils;

    @Autowired
    ProtocolSigningPolicies policies;

    @Autowired
    SigningKeys keys;

    @Autowired
    Signatures signatures;

    @Autowired
    SignedDocuments documents;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ConsultationEventsForTests events;

    /** A consultation in work with a doctor whose profile holds their SNILS, the clinic trusting the test root. */
    record InWork(TestClinic clinic, TestDoctor doctor, TestPatient patient, String id, String snils) {
        String base() {
            return "/api/v1/consultations/" + id;
        }
    }

    InWork inWork(TestClinic clinic) {
        anchors.add(TestClinics.PLATFORM, clinic.id(), PKI.root().der(), "certificate");
        var doctor = doctor(clinic, "therapist", "PRIMARY");
        String own = Identifiers.snils();
        snils.record(doctor.user(), own);
        var patient = patient("Подписанов");
        var c = bookAndOpen(patient, freeSlots(doctor, doctor.services().get(0)).get(0), "Головная боль");
        clock.freezeAt(start(c).minus(Duration.ofMinutes(5)));
        String id = c.get("id").asString();
        assertThat(postAs(doctor.token(), "/api/v1/consultations/" + id + "/take", map())
                        .statusCode())
                .isEqualTo(200);
        return new InWork(clinic, doctor, patient, id, own);
    }

    Map<String, Object> protocol(Object... more) {
        var body = new LinkedHashMap<String, Object>(map(
                "anamnesis",
                "Головная боль третий день",
                "recommendations",
                "Контроль давления утром и вечером",
                "additionalRecommendations",
                "Очный приём невролога"));
        body.putAll(map(more));
        return body;
    }

    JsonNode draft(InWork w, TestPki.Issued certificate) {
        var draft = postAs(
                w.doctor().token(),
                w.base() + "/protocol/draft",
                protocol("certificate", Base64.getEncoder().encodeToString(certificate.der())));
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
        return body(draft);
    }

    HttpResponse<String> sign(InWork w, byte[] cms) {
        return postAs(
                w.doctor().token(),
                w.base() + "/protocol/signature",
                map("signature", Base64.getEncoder().encodeToString(cms)));
    }

    static byte[] pdfOf(JsonNode draft) {
        return Base64.getDecoder().decode(draft.get("pdf").asString());
    }

    @Test
    void aProtocolSignedOnTheDoctorsTokenIsVerifiedSentAndServedExactlyAsSigned() throws Exception {
        var w = inWork(clinic());
        var certificate = PKI.doctor(w.snils(), "Врачев Иван Сергеевич");
        var draft = draft(w, certificate);
        byte[] pdf = pdfOf(draft);
        String verifyUrl = draft.get("verifyUrl").asString();
        assertThat(draft.get("certificate").get("serial").asString()).isEqualTo(certificate.serial());

        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("Документ подписан электронной подписью")
                    .contains("Врачев Иван Сергеевич")
                    .contains(certificate.serial())
                    .contains("Контроль давления утром и вечером");
            assertThat(qrCodes(document)).containsExactly(verifyUrl);
        }

        byte[] cms = PKI.sign(certificate, pdf);
        var signed = sign(w, cms);
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(201);
        assertThat(body(signed).get("signature").get("signerSerial").asString()).isEqualTo(certificate.serial());
        assertThat(ids(getAs(w.doctor().token(), "/api/v1/consultations?state=CLOSED")))
                .contains(w.id());
        assertThat(postAs(w.doctor().token(), w.base() + "/protocol", map("recommendations", "Другое"))
                        .statusCode())
                .isEqualTo(409);

        var served = getBytes(w.patient().token(), w.base() + "/protocol.pdf");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(pdf);
        var sig = getBytes(w.patient().token(), w.base() + "/protocol.sig");
        assertThat(sig.statusCode()).isEqualTo(200);
        assertThat(sig.headers().firstValue("Content-Type")).hasValue("application/pkcs7-signature");
        assertThat(sig.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(d -> assertThat(d).matches(".*protocol-\\d{4}-\\d{2}-\\d{2}\\.pdf\\.sig.*"));
        assertThat(sig.body()).isEqualTo(cms);
        assertThat(signatures
                        .verify(served.body(), sig.body(), new Trust(w.clinic().id(), new Snils(w.snils()), null))
                        .valid())
                .isTrue();
        // Anyone holding the QR code verifies the stored document.
        String token = URI.create(verifyUrl).getQuery().replaceAll(".*token=([^&]+).*", "$1");
        var stored =
                documents.verifyStored(UUID.fromString(draft.get("documentId").asString()), token);
        assertThat(stored.valid()).as(String.valueOf(stored.detail())).isTrue();
        assertThat(stored.signer().name()).isEqualTo("Врачев Иван Сергеевич");
        // An addendum stays separate text: the signed bytes never change.
        assertThat(postAs(w.doctor().token(), w.base() + "/addenda", map("text", "ЭКГ без патологии"))
                        .statusCode())
                .isEqualTo(201);
        assertThat(getBytes(w.patient().token(), w.base() + "/protocol.pdf").body())
                .isEqualTo(pdf);

        // Same access as the PDF: another patient and another doctor are told it does not exist.
        var stranger = patient("Чужаков");
        assertThat(getBytes(stranger.token(), w.base() + "/protocol.sig").statusCode())
                .isEqualTo(404);
        var otherDoctor = doctor(clinic(), "therapist", "PRIMARY");
        assertThat(getBytes(otherDoctor.token(), w.base() + "/protocol.sig").statusCode())
                .isEqualTo(404);

        assertThat(events.of(ProtocolSent.class)).anySatisfy(e -> {
            assertThat(e.consultationId().toString()).isEqualTo(w.id());
            assertThat(e.signature()).isNotNull();
            assertThat(e.signature().signerSerial()).isEqualTo(certificate.serial());
        });
        // The patient's record offers the signed PDF and the signature.
        String record = "/api/v1/patients/" + w.patient().id() + "/record?type=EXAM_PROTOCOL";
        long until = System.currentTimeMillis() + 15_000;
        var entries = body(getAs(w.patient().token(), record)).get("entries");
        while (entries.isEmpty() && System.currentTimeMillis() < until) {
            Thread.sleep(100);
            entries = body(getAs(w.patient().token(), record)).get("entries");
        }
        assertThat(entries).hasSize(1);
        String entry = "/api/v1/patients/" + w.patient().id() + "/record/entries/"
                + entries.get(0).get("id").asString();
        byte[] fromRecord = waitForBytes(w.patient().token(), entry + "/protocol.pdf");
        assertThat(fromRecord).isEqualTo(pdf);
        assertThat(getBytes(w.patient().token(), entry + "/protocol.pdf.sig").body())
                .isEqualTo(cms);
        assertThat(getBytes(stranger.token(), entry + "/protocol.pdf.sig").statusCode())
                .isEqualTo(404);
    }

    @Test
    void aCertificateOfAnotherPersonIsRefusedAsSignerMismatchAndADoctorWithoutSnilsIsToldToAddIt() {
        var w = inWork(clinic());
        var someoneElse = PKI.doctor(Identifiers.snils(), "Другой Врач Петрович");
        var draft = postAs(
                w.doctor().token(),
                w.base() + "/protocol/draft",
                protocol("certificate", Base64.getEncoder().encodeToString(someoneElse.der())));
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(422);
        assertThat(problem(draft)).isEqualTo("signature-invalid");
        assertThat(body(draft).get("reason").asString()).isEqualTo("SIGNER_MISMATCH");

        // Signed with another person's key over the doctor's own draft: refused at signing too.
        var own = PKI.doctor(w.snils(), "Врачев Иван Сергеевич");
        byte[] pdf = pdfOf(draft(w, own));
        var signed = sign(w, PKI.sign(someoneElse, pdf));
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(422);
        assertThat(body(signed).get("reason").asString()).isEqualTo("SIGNER_MISMATCH");

        var noSnils = doctor(w.clinic(), "therapist", "PRIMARY");
        var patient = patient("Беззнаков");
        var c = bookAndOpen(
                patient, freeSlots(noSnils, noSnils.services().get(0)).get(0), "Кашель");
        clock.freezeAt(start(c).minus(Duration.ofMinutes(5)));
        String base = "/api/v1/consultations/" + c.get("id").asString();
        assertThat(postAs(noSnils.token(), base + "/take", map()).statusCode()).isEqualTo(200);
        var refused = postAs(
                noSnils.token(),
                base + "/protocol/draft",
                protocol("certificate", Base64.getEncoder().encodeToString(own.der())));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(problem(refused)).isEqualTo("snils-missing");
    }

    @Test
    void aSignatureOverOtherBytesIsRefusedAsAlteredAndBadSignaturesNeverSendTheProtocol() {
        var w = inWork(clinic());
        var certificate = PKI.doctor(w.snils(), "Врачев Иван Сергеевич");
        byte[] pdf = pdfOf(draft(w, certificate));
        byte[] tampered = Arrays.copyOf(pdf, pdf.length);
        tampered[tampered.length / 2] ^= 0x01;
        var altered = sign(w, PKI.sign(certificate, tampered));
        assertThat(altered.statusCode()).as(altered.body()).isEqualTo(422);
        assertThat(problem(altered)).isEqualTo("signature-invalid");
        assertThat(body(altered).get("reason").asString()).isEqualTo("ALTERED");

        byte[] random = new byte[512];
        ThreadLocalRandom.current().nextBytes(random);
        byte[] good = PKI.sign(certificate, pdf);
        for (var bad : List.of(
                map("signature", Base64.getEncoder().encodeToString(random)),
                map("signature", "не base64 %%%"),
                map("signature", Base64.getEncoder().encodeToString(Arrays.copyOf(good, good.length / 2))),
                map("signature", ""),
                map())) {
            var answer = postAs(w.doctor().token(), w.base() + "/protocol/signature", bad);
            assertThat(answer.statusCode()).as(bad + " → " + answer.body()).isBetween(400, 499);
        }
        var empty = send(request(w.base() + "/protocol/signature")
                .header("Authorization", "Bearer " + w.doctor().token())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        assertThat(empty.statusCode()).isBetween(400, 499);
        var noFile = multipartSignature(w, null);
        assertThat(noFile.statusCode()).isEqualTo(422);
        assertThat(ids(getAs(w.doctor().token(), "/api/v1/consultations?state=IN_WORK")))
                .contains(w.id());
        assertThat(getBytes(w.doctor().token(), w.base() + "/protocol.sig").statusCode())
                .isIn(404, 409);

        // The good signature as a .sig file upload still sends it.
        var sent = multipartSignature(w, good);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
    }

    @Test
    void aClinicThatRequiresSignaturesRefusesThePlainSendAndCannotCoSignWithoutAKey() {
        var w = inWork(clinic());
        policies.change(TestClinics.PLATFORM, w.clinic().id(), new SigningPolicy(true, false));
        var plain = postAs(w.doctor().token(), w.base() + "/protocol", protocol());
        assertThat(plain.statusCode()).as(plain.body()).isEqualTo(409);
        assertThat(problem(plain)).isEqualTo("signature-required");

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> policies.change(TestClinics.PLATFORM, w.clinic().id(), new SigningPolicy(true, true)))
                .isInstanceOfSatisfying(
                        org.medkarta.clinic.ClinicRefusal.class,
                        refused -> assertThat(refused.problem()).isEqualTo("clinic-key-missing"));
        assertThat(policies.of(w.clinic().id())).isEqualTo(new SigningPolicy(true, false));

        var certificate = PKI.doctor(w.snils(), "Врачев Иван Сергеевич");
        var signed = sign(w, PKI.sign(certificate, pdfOf(draft(w, certificate))));
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(201);
    }

    @Test
    void aDoctorsKeyOnTheServerSignsWithThePasswordEnteredAtSigning() {
        var w = inWork(clinic());
        var certificate = PKI.doctor(w.snils(), "Врачев Иван Сергеевич");
        keys.upload(
                w.doctor().user(),
                SigningKeys.doctorKey(w.doctor().user()),
                PKI.pkcs12(certificate, "doctor-pass"),
                "doctor-pass".toCharArray());
        var draft = postAs(w.doctor().token(), w.base() + "/protocol/draft", protocol("onServer", true));
        assertThat(draft.statusCode()).as(draft.body()).isEqualTo(201);
        var wrong = postAs(w.doctor().token(), w.base() + "/protocol/server-signature", map("password", "nope"));
        assertThat(wrong.statusCode()).as(wrong.body()).isEqualTo(422);
        assertThat(problem(wrong)).isEqualTo("keystore-password-wrong");
        var signed =
                postAs(w.doctor().token(), w.base() + "/protocol/server-signature", map("password", "doctor-pass"));
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(201);
        byte[] pdf = getBytes(w.doctor().token(), w.base() + "/protocol.pdf").body();
        assertThat(pdf).isEqualTo(pdfOf(body(draft)));
        byte[] sig = getBytes(w.doctor().token(), w.base() + "/protocol.sig").body();
        assertThat(signatures
                        .verify(pdf, sig, new Trust(w.clinic().id(), new Snils(w.snils()), null))
                        .valid())
                .isTrue();
    }

    @Test
    void aCoSigningClinicSignsTheSameBytesSoTheProtocolCarriesTwoValidSignatures() {
        var clinic = coSigningClinic();
        var w = inWork(clinic);
        var clinicCertificate = PKI.clinic("1027700132195", "7707083893", "Клиника «Здоровье»");
        keys.upload(
                TestClinics.PLATFORM,
                new SigningKey(SigningKey.Owner.CLINIC, CO_SIGNING_CLINIC),
                PKI.pkcs12(clinicCertificate, "clinic-secret"),
                "clinic-secret".toCharArray());
        policies.change(TestClinics.PLATFORM, clinic.id(), new SigningPolicy(false, true));

        var certificate = PKI.doctor(w.snils(), "Врачев Иван Сергеевич");
        byte[] pdf = pdfOf(draft(w, certificate));
        var signed = sign(w, PKI.sign(certificate, pdf));
        assertThat(signed.statusCode()).as(signed.body()).isEqualTo(201);
        assertThat(body(signed).get("signature").get("coSigned").asBoolean()).isTrue();

        byte[] doctorSig =
                getBytes(w.patient().token(), w.base() + "/protocol.sig").body();
        byte[] clinicSig =
                getBytes(w.patient().token(), w.base() + "/protocol.clinic.sig").body();
        assertThat(clinicSig).isNotEqualTo(doctorSig);
        var trust = new Trust(clinic.id(), null, null);
        assertThat(signatures.verify(pdf, doctorSig, trust).valid()).isTrue();
        var clinicVerdict = signatures.verify(pdf, clinicSig, trust);
        assertThat(clinicVerdict.valid())
                .as(String.valueOf(clinicVerdict.detail()))
                .isTrue();
        assertThat(clinicVerdict.signer().serial()).isEqualTo(clinicCertificate.serial());
    }

    /** The texts of the QR codes among the PDF's images. */
    static List<String> qrCodes(org.apache.pdfbox.pdmodel.PDDocument document) throws Exception {
        var found = new java.util.ArrayList<String>();
        for (var page : document.getPages()) {
            for (var name : page.getResources().getXObjectNames()) {
                if (page.getResources().getXObject(name)
                        instanceof org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject picture) {
                    var image = picture.getImage();
                    int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
                    found.add(new QRCodeReader()
                            .decode(
                                    new BinaryBitmap(new HybridBinarizer(
                                            new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))),
                                    java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE))
                            .getText());
                }
            }
        }
        return found;
    }

    /** The clinic with the id whose key password the configuration holds: a copy of a registered one. */
    TestClinic coSigningClinic() {
        var registered = clinic();
        return new TestClinic(TestClinics.withFixedId(jdbc, registered.id(), CO_SIGNING_CLINIC), registered.zone());
    }

    HttpResponse<String> multipartSignature(InWork w, byte[] cms) {
        String boundary = "----medkarta" + UUID.randomUUID();
        var out = new java.io.ByteArrayOutputStream();
        if (cms != null) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"signature\"; "
                            + "filename=\"protocol.pdf.sig\"\r\nContent-Type: application/pkcs7-signature\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.writeBytes(cms);
            out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        } else {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nnone\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(w.base() + "/protocol/signature")
                .header("Authorization", "Bearer " + w.doctor().token())
                .header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
                .build());
    }

    byte[] waitForBytes(String token, String path) throws InterruptedException {
        long until = System.currentTimeMillis() + 15_000;
        var answer = getBytes(token, path);
        while (answer.statusCode() == 404 && System.currentTimeMillis() < until) {
            Thread.sleep(100);
            answer = getBytes(token, path);
        }
        assertThat(answer.statusCode()).isEqualTo(200);
        return answer.body();
    }
}
