package org.medkarta.record;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.FilePayload;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medkarta.files.Samples;
import org.medkarta.identity.Registered;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.testing.Phones;
import org.medkarta.testing.TestCare;
import org.medkarta.testing.TestPatients;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What people do with the record in a browser: a patient reads the record and its chart and
 * uploads a vaccination; the demo doctor verifies it in the verification queue; the patient sees
 * it verified.
 */
class RecordBrowserIT extends RecordBrowserSupport {

    @Autowired
    ClinicalEntries clinicalEntries;

    @Test
    void aDoctorVerifiesAVaccinationThePatientUploaded() {
        String phone = Phones.unique();
        Registered patient = TestPatients.register(identity, "Браузерова", "Ольга", "Сергеевна", phone, "1985-04-12");
        var doctor = TestCare.demoDoctor(clinics);
        TestCare.refer(patientReferrals, patient.patientId(), doctor, clock.instant());
        var clinician = new SignedInUser(
                doctor.userId(), doctor.fullName(), null, List.of(new RoleGrant(Role.DOCTOR, null)), "PASSWORD");
        var write = access.require(clinician, patient.patientId(), org.medkarta.access.RecordAction.WRITE);
        for (int year = 2019; year <= 2021; year++) {
            clinicalEntries.add(
                    write,
                    clinician,
                    new EntryForm(
                            EntryType.LAB_RESULT,
                            java.util.Map.of(
                                    "date",
                                    year + "-02-01",
                                    "testCode",
                                    "CHOL",
                                    "testName",
                                    "Холестерин",
                                    "value",
                                    String.valueOf(4 + year - 2019),
                                    "unit",
                                    "mmol/L",
                                    "referenceHigh",
                                    "5.2"),
                            null,
                            false));
        }

        signInByCode(page, outbox, phone);

        page.locator("#nav-record").click();
        assertThat(page.locator("#patient-name")).containsText("Ольга Сергеевна Б.");
        assertThat(page.locator("#view-rules")).isVisible();
        assertThat(page.locator("li.entry")).hasCount(3);
        assertThat(page.locator("li.entry .new-mark").first()).isVisible();

        page.locator("#tab-labs").click();
        assertThat(page.locator("#lab-chart")).hasAttribute("data-rendered", "true");
        assertThat(page.locator("tr.point")).hasCount(3);
        screenshot("labs");

        page.locator("#tab-uploads").click();
        page.locator("#kind").selectOption("VACCINATION");
        page.locator("#vaccine").fill("Совигрипп");
        page.locator("#date").fill("2025-10-01");
        page.locator("#file")
                .setInputFiles(new FilePayload("certificate.pdf", "application/pdf", Samples.windowsExecutable()));
        page.locator("#upload-button").click();
        assertThat(page.locator("#file-error")).isVisible();
        page.locator("#file").setInputFiles(new FilePayload("certificate.pdf", "application/pdf", Samples.pdf()));
        page.locator("#upload-button").click();
        assertThat(page.locator("#saved")).isVisible();
        assertThat(page.locator("li.upload .upload-state")).hasText("ждёт проверки");
        page.locator("#kind").selectOption("VACCINATION");
        page.locator("#vaccine").fill("Клещ-Э-Вак");
        page.locator("#date").fill("2025-05-01");
        page.locator("#file").setInputFiles(new FilePayload("tick.png", "image/png", Samples.png()));
        page.locator("#upload-button").click();
        assertThat(page.locator("li.upload[data-state='PENDING']")).hasCount(2);
        screenshot("uploaded");

        var doctorContext = browserContext();
        var desk = doctorContext.newPage();
        desk.navigate(
                url(
                        "/test/staff-sign-in?email=doctor@demo.medkarta.org&password=Demo-doctor-1&continue=/record/verification"));
        var pending = desk.locator(".pending-upload")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Браузерова"))
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Совигрипп"));
        assertThat(pending).hasCount(1);
        assertThat(pending.locator(".pending-vaccine")).hasText("Совигрипп");
        pending.locator("button.verify").click();
        assertThat(desk.locator("#decided")).isVisible();
        assertThat(desk.locator(".pending-upload")
                        .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Браузерова")))
                .hasCount(1);
        desk.navigate(url("/record/" + patient.patientId().value() + "?type=VACCINATION"));
        assertThat(desk.locator("li.entry .entry-title")).hasText("Совигрипп");
        // The other one is decided from the patient's record, where a clinician sees what waits.
        desk.locator("#pending-uploads a").click();
        var tick = desk.locator("li.upload[data-state='PENDING']");
        assertThat(tick).hasCount(1);
        tick.locator("button.reject").click();
        assertThat(desk.locator("li.upload[data-state='PENDING'] .invalid-feedback"))
                .isVisible();
        desk.locator("li.upload[data-state='PENDING'] .rejection-reason").fill("На снимке не видна дата прививки");
        desk.locator("li.upload[data-state='PENDING'] button.reject").click();
        assertThat(desk.locator("#saved")).isVisible();
        assertThat(desk.locator("li.upload[data-state='REJECTED'] .rejection"))
                .hasText("На снимке не видна дата прививки");
        doctorContext.close();

        page.reload();
        assertThat(page.locator("li.upload[data-state='VERIFIED'] .upload-state"))
                .hasText("проверено");
        assertThat(page.locator("li.upload[data-state='REJECTED'] .upload-state"))
                .hasText("отклонено");
        assertThat(page.locator("li.upload button.verify")).hasCount(0);
        screenshot("verified");
        assertThat(page.locator("li.upload")).hasCount(2);
        assertThat(Samples.pdf().length).isPositive();
    }
}
