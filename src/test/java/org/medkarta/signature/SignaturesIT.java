package org.medkarta.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.Snils;
import org.medkarta.shared.UserId;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.MutableClock;
import org.medkarta.testing.TestClinics;
import org.medkarta.testing.TestPki;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Verification of detached signatures against a clinic's trust store (issue 16). */
@SpringBootTest
class SignaturesIT {

    static final String IVANOV = "11223344595";
    static final String PETROV = "08765430300";
    static final byte[] PDF = "%PDF-1.7\nПротокол консультации\n%%EOF\n".getBytes(StandardCharsets.UTF_8);

    static final TestPki GOST = TestPki.gost256().serveCrls();

    @Autowired
    Signatures signatures;

    @Autowired
    TrustAnchors anchors;

    @Autowired
    ClinicFacades clinics;

    @Autowired
    Crls crls;

    @Autowired
    MutableClock clock;

    ClinicId clinic;

    @BeforeEach
    void clinicTrustsTheTestRoot() {
        clinic = TestClinics.register(clinics, "Подписи").id();
        anchors.add(TestClinics.PLATFORM, clinic, GOST.root().pem().getBytes(StandardCharsets.US_ASCII), "certificate");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
        crls.forget();
    }

    @AfterAll
    static void stopCrlServer() {
        GOST.close();
    }

    Trust trust(String snils) {
        return new Trust(clinic, snils == null ? null : new Snils(snils), null);
    }

    @Test
    void aGostSignatureOverTheExactBytesIsValidAndNamesItsSigner() {
        var doctor = GOST.doctor(IVANOV, "Иванов Иван Иванович");
        Instant signedAt = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

        var verdict = signatures.verify(PDF, GOST.sign(doctor, PDF, signedAt), trust(IVANOV));

        assertThat(verdict.valid()).as(verdict.detail()).isTrue();
        assertThat(verdict.reason()).isNull();
        assertThat(verdict.signedAt()).isEqualTo(signedAt);
        // The doctor's certificate was checked at its distribution point; the intermediate names none.
        assertThat(verdict.revocationChecked()).isFalse();
        assertThat(GOST.crlRequests()).isPositive();
        assertThat(verdict.signer().name()).isEqualTo("Иванов Иван Иванович");
        assertThat(verdict.signer().snils()).isEqualTo(IVANOV);
        assertThat(verdict.signer().serial()).isEqualTo(doctor.serial());
        assertThat(verdict.signer().algorithm()).isEqualTo("ГОСТ Р 34.10-2012 256 бит");
    }

    @Test
    void oneChangedByteMakesTheDocumentAltered() {
        var doctor = GOST.doctor(IVANOV, "Иванов Иван Иванович");
        byte[] signature = GOST.sign(doctor, PDF);
        byte[] changed = Arrays.copyOf(PDF, PDF.length);
        changed[12] ^= 1;

        var verdict = signatures.verify(changed, signature, trust(IVANOV));

        assertThat(verdict.valid()).isFalse();
        assertThat(verdict.reason()).isEqualTo(VerdictReason.ALTERED);
        assertThat(verdict.signer().snils()).isEqualTo(IVANOV);
    }

    @Test
    void aCertificateExpiredAtTheTimeOfSigningIsRefused() {
        var doctor = GOST.expiredDoctor(IVANOV, "Иванов Иван Иванович");

        var verdict = signatures.verify(PDF, GOST.sign(doctor, PDF), trust(IVANOV));

        assertThat(verdict.reason()).isEqualTo(VerdictReason.EXPIRED);
        assertThat(verdict.detail()).contains("not at");
    }

    @Test
    void aCertificateOnTheCrlOfItsDistributionPointIsRevokedAndTheCrlIsFetchedOnceUntilItsNextUpdate() {
        var doctor = GOST.revokedDoctor(IVANOV, "Иванов Иван Иванович");
        int before = GOST.crlRequests();

        var verdict = signatures.verify(PDF, GOST.sign(doctor, PDF), trust(IVANOV));
        var again = signatures.verify(PDF, GOST.sign(doctor, PDF), trust(IVANOV));

        assertThat(verdict.reason()).isEqualTo(VerdictReason.REVOKED);
        assertThat(verdict.detail()).contains(doctor.serial());
        assertThat(again.reason()).isEqualTo(VerdictReason.REVOKED);
        assertThat(GOST.crlRequests() - before).isEqualTo(1);
    }

    @Test
    void aCertificateOnAnUploadedCrlIsRevokedWhenNoDistributionPointIsNamed() {
        var pki = TestPki.gost256();
        anchors.add(TestClinics.PLATFORM, clinic, pki.root().der(), "certificate");
        var doctor = pki.revokedDoctor(IVANOV, "Иванов Иван Иванович");
        byte[] signature = pki.sign(doctor, PDF);
        assertThat(signatures.verify(PDF, signature, trust(IVANOV)).valid()).isTrue();

        anchors.addCrl(TestClinics.PLATFORM, clinic, pki.crl(), "crl");

        var verdict = signatures.verify(PDF, signature, trust(IVANOV));
        assertThat(verdict.reason()).isEqualTo(VerdictReason.REVOKED);
        assertThat(verdict.revocationChecked()).isFalse();
    }

    @Test
    void aChainEndingAtAForeignRootIsUnknown() {
        var foreign = TestPki.gost256();
        var doctor = foreign.doctor(IVANOV, "Иванов Иван Иванович");

        var verdict = signatures.verify(PDF, foreign.sign(doctor, PDF), trust(IVANOV));

        assertThat(verdict.reason()).isEqualTo(VerdictReason.UNKNOWN_ROOT);
        assertThat(verdict.signer().name()).isEqualTo("Иванов Иван Иванович");
    }

    @Test
    void anotherDoctorsCertificateIsNotTheExpectedSigner() {
        var other = GOST.doctor(PETROV, "Петров Пётр Петрович");

        var verdict = signatures.verify(PDF, GOST.sign(other, PDF), trust(IVANOV));

        assertThat(verdict.reason()).isEqualTo(VerdictReason.SIGNER_MISMATCH);
        assertThat(verdict.detail()).contains(PETROV).contains(IVANOV);
    }

    @Test
    void aKeyThatMayNotSignIsRefused() {
        var doctor = GOST.doctorWithoutSigningUsage(IVANOV, "Иванов Иван Иванович");

        assertThat(signatures.verify(PDF, GOST.sign(doctor, PDF), trust(IVANOV)).reason())
                .isEqualTo(VerdictReason.KEY_USAGE);
    }

    @ParameterizedTest
    @EnumSource(TestPki.Algorithm.class)
    void gost256Gost512RsaAndEcdsaSignaturesAreValid(TestPki.Algorithm algorithm) {
        var pki = TestPki.of(algorithm);
        anchors.add(TestClinics.PLATFORM, clinic, pki.root().der(), "certificate");
        var doctor = pki.doctor(IVANOV, "Иванов Иван Иванович");

        var verdict = signatures.verify(PDF, pki.sign(doctor, PDF), trust(IVANOV));

        assertThat(verdict.valid()).as(verdict.detail()).isTrue();
    }

    @Test
    void aSignatureAsPemOrBase64IsReadToo() {
        var doctor = GOST.doctor(IVANOV, "Иванов Иван Иванович");
        byte[] der = GOST.sign(doctor, PDF);

        assertThat(signatures
                        .verify(PDF, TestPki.pem("CMS", der).getBytes(StandardCharsets.US_ASCII), trust(IVANOV))
                        .valid())
                .isTrue();
        assertThat(signatures
                        .verify(PDF, java.util.Base64.getEncoder().encode(der), trust(IVANOV))
                        .valid())
                .isTrue();
    }

    @Test
    void garbageTruncatedOrAttachedSignaturesAreMalformedNeverAnException() {
        var doctor = GOST.doctor(IVANOV, "Иванов Иван Иванович");
        byte[] der = GOST.sign(doctor, PDF);

        for (byte[] bad : List.of(
                new byte[0],
                "garbage".getBytes(StandardCharsets.US_ASCII),
                "-----BEGIN CMS-----\n!!!\n-----END CMS-----".getBytes(StandardCharsets.US_ASCII),
                Arrays.copyOf(der, der.length / 2),
                Arrays.copyOf(der, 3),
                GOST.root().der())) {
            var verdict = signatures.verify(PDF, bad, trust(IVANOV));
            assertThat(verdict.valid()).isFalse();
            assertThat(verdict.reason()).isEqualTo(VerdictReason.MALFORMED);
        }
    }

    @Test
    void anyClinicsAnchorsServeAnUploadedPair() {
        var pki = TestPki.ecdsa();
        var doctor = pki.doctor(IVANOV, "Иванов Иван Иванович");
        byte[] signature = pki.sign(doctor, PDF);
        assertThat(signatures.verify(PDF, signature, Trust.anyClinic()).reason())
                .isEqualTo(VerdictReason.UNKNOWN_ROOT);

        anchors.add(
                TestClinics.PLATFORM,
                TestClinics.register(clinics, "Другая").id(),
                pki.root().der(),
                "certificate");

        assertThat(signatures.verify(PDF, signature, Trust.anyClinic()).valid()).isTrue();
    }

    @Test
    void aClinicCertificateIsDescribedWithItsOrganisationAndOgrn() {
        var stamp = GOST.clinic("1027700132195", "7707083893", "ООО «Клиника»");

        var view = signatures.describe(stamp.pem().getBytes(StandardCharsets.US_ASCII));

        assertThat(view.organisation()).isEqualTo("ООО «Клиника»");
        assertThat(view.ogrn()).isEqualTo("1027700132195");
        assertThat(view.name()).isEqualTo("Петров Пётр Петрович");
        assertThat(view.serial()).isEqualTo(stamp.serial());
        assertThatThrownBy(() -> signatures.describe("not a certificate".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(SignatureRefusal.class)
                .hasMessage("certificate-unreadable");
    }

    @Test
    void whenEveryCertificateOfTheChainNamesAReachableDistributionPointRevocationIsFullyChecked() {
        try (var pki = TestPki.servingCrls(TestPki.Algorithm.GOST_512)) {
            anchors.add(TestClinics.PLATFORM, clinic, pki.root().der(), "certificate");
            var doctor = pki.doctor(IVANOV, "Иванов Иван Иванович");

            var verdict = signatures.verify(PDF, pki.sign(doctor, PDF), trust(IVANOV));

            assertThat(verdict.valid()).as(verdict.detail()).isTrue();
            assertThat(verdict.revocationChecked()).isTrue();
            assertThat(pki.crlRequests()).isEqualTo(2);
        }
    }

    static SignedInUser doctor(UUID id) {
        return new SignedInUser(new UserId(id), "Doctor", null, List.of(new RoleGrant(Role.DOCTOR, null)), "TEST");
    }
}
