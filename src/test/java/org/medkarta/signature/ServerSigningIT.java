package org.medkarta.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.medkarta.audit.AuditTrail;
import org.medkarta.files.FilePurpose;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.Snils;
import org.medkarta.shared.UserId;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.MutableClock;
import org.medkarta.testing.TestClinics;
import org.medkarta.testing.TestPki;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Signing on the server with uploaded PKCS#12 files, and signed documents kept for their QR code. */
@SpringBootTest(properties = "medkarta.signature.passwords.00000000-0000-0000-0000-00000000c0f1=from-config")
class ServerSigningIT {

    static final String IVANOV = "11223344595";
    static final UUID CONFIGURED = UUID.fromString("00000000-0000-0000-0000-00000000c0f1");
    static final byte[] PDF = "%PDF-1.7\nПротокол\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

    @Autowired
    Signatures signatures;

    @Autowired
    SigningKeys keys;

    @Autowired
    SignedDocuments documents;

    @Autowired
    TrustAnchors anchors;

    @Autowired
    ClinicFacades clinics;

    @Autowired
    org.medkarta.files.Files files;

    @Autowired
    AuditTrail audit;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static SignedInUser doctor(UUID id) {
        return new SignedInUser(new UserId(id), "Doctor", null, List.of(new RoleGrant(Role.DOCTOR, null)), "TEST");
    }

    ClinicId clinicTrusting(TestPki pki) {
        var clinic = TestClinics.register(clinics, "Подписи").id();
        anchors.add(TestClinics.PLATFORM, clinic, pki.root().der(), "certificate");
        return clinic;
    }

    @Test
    void aDoctorsUploadedKeySignsWithThePasswordEnteredAtSigningAndTheSignatureVerifies() {
        var pki = TestPki.gost256();
        var clinic = clinicTrusting(pki);
        var doctor = doctor(UUID.randomUUID());
        var certificate = pki.doctor(IVANOV, "Иванов Иван Иванович");

        var view = keys.upload(
                doctor, SigningKeys.doctorKey(doctor), pki.pkcs12(certificate, "s3cret"), "s3cret".toCharArray());
        clock.freezeAt(Instant.parse("2026-12-05T10:00:00Z"));
        byte[] signature = signatures.sign(SigningKeys.doctorKey(doctor), PDF, "s3cret".toCharArray());

        assertThat(view.serial()).isEqualTo(certificate.serial());
        assertThat(signatures.certificate(SigningKeys.doctorKey(doctor))).hasValue(certificate.der());
        var verdict = signatures.verify(PDF, signature, new Trust(clinic, new Snils(IVANOV), null));
        assertThat(verdict.valid()).as(verdict.detail()).isTrue();
        assertThat(verdict.signedAt()).isEqualTo(Instant.parse("2026-12-05T10:00:00Z"));
        assertThat(audit.search(
                        doctor.userId().value(), null, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), 20))
                .anyMatch(entry ->
                        entry.action().equals("SIGNED") && entry.outcome().equals("SUCCESS"));
    }

    @Test
    void aWrongPasswordIsAClearRefusalAtUploadAndAtSigning() {
        var pki = TestPki.gost512();
        var doctor = doctor(UUID.randomUUID());
        var certificate = pki.doctor(IVANOV, "Иванов Иван Иванович");
        byte[] pkcs12 = pki.pkcs12(certificate, "right");

        assertThatThrownBy(() -> keys.upload(doctor, SigningKeys.doctorKey(doctor), pkcs12, "wrong".toCharArray()))
                .isInstanceOf(SignatureRefusal.class)
                .hasMessage("keystore-password-wrong");
        assertThatThrownBy(() -> keys.upload(
                        doctor, SigningKeys.doctorKey(doctor), "not a keystore".getBytes(), "right".toCharArray()))
                .isInstanceOf(SignatureRefusal.class)
                .hasMessage("keystore-unreadable");
        keys.upload(doctor, SigningKeys.doctorKey(doctor), pkcs12, "right".toCharArray());
        assertThatThrownBy(() -> signatures.sign(SigningKeys.doctorKey(doctor), PDF, "wrong".toCharArray()))
                .isInstanceOf(SignatureRefusal.class)
                .hasMessage("keystore-password-wrong");
        assertThatThrownBy(() -> signatures.sign(SigningKeys.doctorKey(doctor), PDF, null))
                .isInstanceOf(SignatureRefusal.class)
                .hasMessage("keystore-password-wrong");
    }

    @Test
    void aPasswordHeldInConfigurationSignsWithoutOneEntered() {
        var pki = TestPki.gost256();
        var clinic = clinicTrusting(pki);
        var doctor = doctor(CONFIGURED);
        var certificate = pki.doctor(IVANOV, "Иванов Иван Иванович");
        keys.upload(
                doctor,
                SigningKeys.doctorKey(doctor),
                pki.pkcs12(certificate, "from-config"),
                "from-config".toCharArray());

        byte[] signature = signatures.sign(SigningKeys.doctorKey(doctor), PDF, null);

        assertThat(signatures
                        .verify(PDF, signature, new Trust(clinic, new Snils(IVANOV), null))
                        .valid())
                .isTrue();
    }

    @Test
    void withoutAKeyThereIsNothingToSignWithAndNoOneSetsAnothersKey() {
        var doctor = doctor(UUID.randomUUID());
        var pki = TestPki.gost256();
        byte[] pkcs12 = pki.pkcs12(pki.doctor(IVANOV, "Иванов Иван Иванович"), "pw");

        assertThatThrownBy(() -> signatures.sign(SigningKeys.doctorKey(doctor), PDF, "pw".toCharArray()))
                .isInstanceOf(SignatureRefusal.class)
                .hasMessage("no-signing-key");
        assertThat(signatures.certificate(SigningKeys.doctorKey(doctor))).isEmpty();
        assertThatThrownBy(() -> keys.upload(
                        doctor(UUID.randomUUID()), SigningKeys.doctorKey(doctor), pkcs12, "pw".toCharArray()))
                .isInstanceOf(NotFound.class);
        var clinic = TestClinics.register(clinics, "Чужая").id();
        assertThatThrownBy(() -> keys.upload(
                        doctor, new SigningKey(SigningKey.Owner.CLINIC, clinic.value()), pkcs12, "pw".toCharArray()))
                .isInstanceOf(NotFound.class);
    }

    @Test
    void aClinicsKeyIsUploadedByItsAdministratorAndSignsExtracts() {
        var pki = TestPki.gost256();
        var clinic = clinicTrusting(pki);
        var stamp = pki.clinic("1027700132195", "7707083893", "ООО «Клиника»");
        var key = new SigningKey(SigningKey.Owner.CLINIC, clinic.value());
        keys.upload(TestClinics.PLATFORM, key, pki.pkcs12(stamp, "clinic"), "clinic".toCharArray());

        var verdict = signatures.verify(
                PDF, signatures.sign(key, PDF, "clinic".toCharArray()), new Trust(clinic, null, null));

        assertThat(verdict.valid()).as(verdict.detail()).isTrue();
        assertThat(verdict.signer().organisation()).isEqualTo("ООО «Клиника»");
        assertThat(verdict.signer().ogrn()).isEqualTo("1027700132195");
    }

    @ParameterizedTest
    @EnumSource(
            value = TestPki.Algorithm.class,
            names = {"RSA", "ECDSA"})
    void opensslVerifiesAnRsaOrEcdsaSignatureMedkartaMade(TestPki.Algorithm algorithm, @TempDir Path folder)
            throws Exception {
        assumeThat(openssl()).as("openssl on the PATH").isTrue();
        var pki = TestPki.of(algorithm);
        var doctor = doctor(UUID.randomUUID());
        keys.upload(
                doctor,
                SigningKeys.doctorKey(doctor),
                pki.pkcs12(pki.doctor(IVANOV, "Иванов Иван Иванович"), "pw"),
                "pw".toCharArray());
        byte[] signature = signatures.sign(SigningKeys.doctorKey(doctor), PDF, "pw".toCharArray());
        Files.write(folder.resolve("doc.pdf"), PDF);
        Files.write(folder.resolve("doc.sig"), signature);
        Files.writeString(folder.resolve("root.pem"), pki.root().pem());

        assertThat(openssl(folder, "doc.pdf"))
                .as("openssl cms -verify of the document as signed")
                .isZero();
        Files.write(folder.resolve("changed.pdf"), "%PDF-1.7\nИзменено\n%%EOF\n".getBytes(StandardCharsets.UTF_8));
        assertThat(openssl(folder, "changed.pdf"))
                .as("openssl cms -verify of a changed document")
                .isNotZero();
    }

    private static boolean openssl() {
        try {
            return new ProcessBuilder("openssl", "version").start().waitFor() == 0;
        } catch (Exception missing) {
            return false;
        }
    }

    private static int openssl(Path folder, String content) throws Exception {
        var process = new ProcessBuilder(
                        "openssl",
                        "cms",
                        "-verify",
                        "-binary",
                        "-inform",
                        "DER",
                        "-in",
                        "doc.sig",
                        "-content",
                        content,
                        "-CAfile",
                        "root.pem",
                        "-purpose",
                        "any",
                        "-out",
                        "/dev/null")
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        System.out.println("openssl: " + output);
        return process.exitValue();
    }

    @Test
    void aFiledDocumentIsVerifiedByItsQrTokenAndAWrongTokenRevealsNothing() {
        var pki = TestPki.gost256();
        var clinic = clinicTrusting(pki);
        var certificate = pki.doctor(IVANOV, "Иванов Иван Иванович");
        var reserved = documents.reserve("PROTOCOL", clinic, "Протокол консультации от 05.12.2026");
        assertThat(reserved.verifyUrl())
                .endsWith("/signatures/verify?document=" + reserved.id() + "&token=" + reserved.token());
        assertThat(documents.verifyStored(reserved.id(), reserved.token()).reason())
                .as("not filed yet")
                .isEqualTo(VerdictReason.NOT_FOUND);

        byte[] signature = pki.sign(certificate, PDF);
        var verdict = signatures.verify(PDF, signature, new Trust(clinic, new Snils(IVANOV), null));
        var owner = new UserId(UUID.randomUUID());
        var document = files.store(FilePurpose.SIGNED_DOCUMENT, owner, "document", "protocol.pdf", PDF);
        var signatureFile = files.store(FilePurpose.SIGNATURE, owner, "signature", "protocol.pdf.sig", signature);
        documents.file(reserved.id(), document.id(), signatureFile.id(), verdict);

        var stored = documents.inspect(reserved.id(), reserved.token()).orElseThrow();
        assertThat(stored.verdict().valid()).as(stored.verdict().detail()).isTrue();
        assertThat(stored.title()).isEqualTo("Протокол консультации от 05.12.2026");
        assertThat(stored.verdict().signer().serial()).isEqualTo(certificate.serial());
        var wrong = documents.verifyStored(reserved.id(), reserved.token() + "x");
        assertThat(wrong.reason()).isEqualTo(VerdictReason.NOT_FOUND);
        assertThat(wrong.signer()).isNull();
        assertThat(documents.verifyStored(UUID.randomUUID(), reserved.token()).reason())
                .isEqualTo(VerdictReason.NOT_FOUND);

        pki.revoke(certificate);
        anchors.addCrl(TestClinics.PLATFORM, clinic, pki.crl(), "crl");
        assertThat(documents.verifyStored(reserved.id(), reserved.token()).reason())
                .as("revoked before it was filed, as a newer CRL tells")
                .isEqualTo(VerdictReason.REVOKED);
        assertThatThrownBy(() -> documents.file(
                        reserved.id(),
                        document.id(),
                        signatureFile.id(),
                        new Verdict(false, VerdictReason.ALTERED, "x", null, null, false)))
                .isInstanceOf(SignatureRefusal.class)
                .hasMessage("signature-not-valid");
    }
}
