package org.medkarta.record;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.medkarta.access.RecordAction;
import org.medkarta.identity.Registered;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.testing.Phones;
import org.medkarta.testing.TestCare;
import org.medkarta.testing.TestPatients;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A patient orders an extract of their record in a browser (SPEC E10, issue 17), watches its
 * progress, downloads the PDF and the test reads it back; the order form in English too.
 */
class ExtractBrowserIT extends RecordBrowserSupport {

    @Autowired
    ClinicalEntries clinicalEntries;

    @Test
    void aPatientOrdersAnExtractWaitsForItAndOpensThePdf() throws Exception {
        String phone = Phones.unique();
        Registered patient = TestPatients.register(identity, "Выписная", "Ольга", "Сергеевна", phone, "1985-04-12");
        var doctor = TestCare.demoDoctor(clinics);
        TestCare.refer(patientReferrals, patient.patientId(), doctor, clock.instant());
        var clinician = new SignedInUser(
                doctor.userId(), doctor.fullName(), null, List.of(new RoleGrant(Role.DOCTOR, null)), "PASSWORD");
        var write = access.require(clinician, patient.patientId(), RecordAction.WRITE);
        for (int year = 2020; year <= 2022; year++) {
            clinicalEntries.add(
                    write,
                    clinician,
                    new EntryForm(
                            EntryType.LAB_RESULT,
                            Map.of(
                                    "date", year + "-03-01",
                                    "testCode", "CHOL",
                                    "testName", "Холестерин",
                                    "value", String.valueOf(4 + year - 2020),
                                    "unit", "ммоль/л",
                                    "referenceHigh", "5.2"),
                            null,
                            false));
        }

        signInByCode(page, outbox, phone);
        page.locator("#nav-record").click();
        page.locator("#order-extract-link").click();
        assertThat(page.locator("#extract-form")).isVisible();
        // A period that ends before it starts is refused beside the field.
        page.locator("#section-LAB_RESULT").check();
        page.locator("#from").fill("2022-01-01");
        page.locator("#to").fill("2021-01-01");
        page.locator("#order-extract").click();
        assertThat(page.locator("#to-error")).isVisible();
        assertThat(page.locator("#section-LAB_RESULT")).isChecked();
        page.locator("#from").fill("2021-01-01");
        page.locator("#to").fill("2022-12-31");
        page.locator("#order-extract").click();

        assertThat(page.locator("#extract-progress")).hasAttribute("data-state", "DONE");
        assertThat(page.locator("#extract-state")).hasText("Готова");
        assertThat(page.locator("#extract-unsigned")).isVisible();
        assertThat(page.locator("#extract-entries")).containsText("2");
        screenshot("extract-done");
        var download =
                page.waitForDownload(() -> page.locator("#download-extract").click());
        byte[] pdf = Files.readAllBytes(download.path());
        String text;
        try (var document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document);
        }
        assertThat(text)
                .contains("Выписка из медицинской карты")
                .contains("Выписная Ольга Сергеевна")
                .contains("Холестерин")
                .contains("5")
                .contains("6")
                .contains("с 01.01.2021 по 31.12.2022");

        // The record's documents list it.
        page.locator("#tab-uploads").click();
        assertThat(page.locator("li.extract")).hasCount(1);
        assertThat(page.locator("li.extract")).hasAttribute("data-state", "DONE");

        // The order form in English.
        page.navigate(url("/record/" + patient.patientId().value() + "/extracts/new?lang=en"));
        assertThat(page.locator("label[for='section-LAB_RESULT']")).hasText("Laboratory results");
        assertThat(page.locator("#order-extract")).hasText("Order");
        assertThat(policyViolations()).isEmpty();
    }
}
