package org.medkarta.signature;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.medkarta.testing.BrowserSupport;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.TestClinics;
import org.medkarta.testing.TestPki;
import org.springframework.beans.factory.annotation.Autowired;

/** A person checks a signed PDF on the public page «Проверка электронной подписи» (issue 16). */
class SignatureBrowserIT extends BrowserSupport {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\nПротокол консультации\n%%EOF\n"
            .getBytes(StandardCharsets.UTF_8);

    @Autowired
    TrustAnchors anchors;

    @Autowired
    ClinicFacades clinics;

    @Test
    void aGoodPairShowsValidAndTheOwnerAndATamperedPdfShowsInvalidWithTheReason() {
        var pki = TestPki.gost256();
        anchors.add(
                TestClinics.PLATFORM,
                TestClinics.register(clinics, "Проверка").id(),
                pki.root().der(),
                "certificate");
        var doctor = pki.doctor("11223344595", "Иванов Иван Иванович");
        byte[] signature = pki.sign(doctor, PDF);

        page.navigate(url("/signatures/verify"));
        page.locator("#document").setInputFiles(new FilePayload("protocol.pdf", "application/pdf", PDF));
        page.locator("#signature")
                .setInputFiles(new FilePayload("protocol.pdf.sig", "application/pkcs7-signature", signature));
        page.locator("#verify").click();

        assertThat(page.locator("#verdict")).hasAttribute("data-valid", "true");
        assertThat(page.locator("#verdict")).containsText("Подпись действительна");
        assertThat(page.locator(".signer-name")).hasText("Иванов Иван Иванович");
        assertThat(page.locator(".signer-serial")).hasText(doctor.serial());

        byte[] tampered = Arrays.copyOf(PDF, PDF.length);
        tampered[PDF.length - 8] ^= 1;
        page.locator("#document").setInputFiles(new FilePayload("protocol.pdf", "application/pdf", tampered));
        page.locator("#signature")
                .setInputFiles(new FilePayload("protocol.pdf.sig", "application/pkcs7-signature", signature));
        page.locator("#verify").click();

        assertThat(page.locator("#verdict")).hasAttribute("data-valid", "false");
        assertThat(page.locator("#verdict")).containsText("Подпись недействительна");
        assertThat(page.locator("#reason")).containsText("документ изменен после подписания");
        assertThat(page.locator(".signer-name")).hasText("Иванов Иван Иванович");
    }

    @Test
    void aMissingSignatureIsNamedBesideItsField() {
        page.navigate(url("/signatures/verify"));
        page.locator("#document").setInputFiles(new FilePayload("protocol.pdf", "application/pdf", PDF));
        page.locator("#verify").click();

        assertThat(page.locator("#signature-error")).isVisible();
        assertThat(page.locator("#verdict")).hasCount(0);
    }

    @Test
    void theClinicAdministratorKeepsTrustedCertificatesAndTheClinicKeyWithErrorsBesideTheFields() {
        var pki = TestPki.gost256();
        var clinic = TestClinics.register(clinics, "Доверие").id();
        String path = "/admin/clinics/" + clinic.value() + "/trust-anchors";
        page.navigate(url("/test/staff-sign-in?email=admin@demo.medkarta.org&password=Demo-admin-1&continue=" + path));
        assertThat(page.locator("#tab-trust-anchors")).hasClass(java.util.regex.Pattern.compile(".*active.*"));
        assertThat(page.locator("#no-anchors")).isVisible();

        page.locator("#certificate")
                .setInputFiles(new FilePayload(
                        "root.cer", "application/octet-stream", "garbage".getBytes(StandardCharsets.US_ASCII)));
        page.locator("#add-anchor").click();
        assertThat(page.locator("#certificate-error")).containsText("Это не сертификат X.509");

        page.locator("#certificate")
                .setInputFiles(new FilePayload(
                        "root.pem", "application/x-pem-file", pki.root().pem().getBytes(StandardCharsets.US_ASCII)));
        page.locator("#add-anchor").click();
        assertThat(page.locator("#anchors")).containsText(pki.root().serial());

        var stamp = pki.clinic("1027700132195", "7707083893", "ООО «Доверие»");
        page.locator("#keystore")
                .setInputFiles(new FilePayload("clinic.p12", "application/x-pkcs12", pki.pkcs12(stamp, "right")));
        page.locator("#password").fill("wrong");
        page.locator("#upload-key").click();
        assertThat(page.locator("#password-error")).containsText("Неверный пароль");

        page.locator("#keystore")
                .setInputFiles(new FilePayload("clinic.p12", "application/x-pkcs12", pki.pkcs12(stamp, "right")));
        page.locator("#password").fill("right");
        page.locator("#upload-key").click();
        assertThat(page.locator("#signing-key .signer-organisation")).hasText("ООО «Доверие»");
        assertThat(page.locator("#signing-key .signer-serial")).hasText(stamp.serial());
    }
}
