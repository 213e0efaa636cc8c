package org.medkarta.scheduling;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.medkarta.notification.DevOutbox;
import org.medkarta.testing.BrowserSupport;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.IdentityFacades;
import org.springframework.beans.factory.annotation.Autowired;

/** The printable appointment slip (issue 23) as a patient opens, prints and downloads it. */
class SlipBrowserIT extends BrowserSupport {

    @Autowired
    ClinicFacades clinics;

    @Autowired
    IdentityFacades identity;

    @Autowired
    ScheduleTemplates scheduleTemplates;

    @Autowired
    DevOutbox outbox;

    @Test
    void theSlipOpensFromMyAppointmentsWithTheTimeAndTheDoctorAndIsGoneOnceCancelled() {
        var fixtures = new Fixtures(clinics, identity);
        var clinic = fixtures.clinic("Asia/Yekaterinburg");
        var doctor = fixtures.doctor(clinic, "therapist", "REGION");
        fixtures.openMornings(scheduleTemplates, clinic, doctor, "Талон");
        var patient = fixtures.patient();
        signInByCode(page, outbox, patient.phone());
        page.navigate(url("/booking/doctors/" + doctor.id()));
        page.locator("a.slot").first().click();
        page.locator("#accept").check();
        page.locator("#book").click();
        page.waitForURL("**/appointments?booked");
        var booked = page.locator("li.appointment[data-status='BOOKED']");
        // "dd.MM.yyyy HH:mm" in the clinic's zone, as the appointments page shows it.
        String when = booked.locator(".when").textContent().trim();
        String time = when.substring(when.indexOf(' ') + 1);

        assertThat(booked.locator("a.slip")).hasText("Талон на приём");
        booked.locator("a.slip").click();
        page.waitForURL("**/appointments/*/slip");
        String slipUrl = page.url();
        assertThat(page.locator("#slip h1")).containsText("Талон на приём №");
        assertThat(page.locator("#slip .slip-time")).containsText(time);
        assertThat(page.locator("#slip .slip-time")).containsText("Asia/Yekaterinburg");
        assertThat(page.locator("#slip .slip-doctor")).hasText(doctor.view().fullName());
        assertThat(page.locator("#slip .slip-address")).hasText("Москва, ул. Тестовая, 1");
        assertThat(page.locator("#slip .slip-patient")).containsText("Пациентов Пётр");
        assertThat(page.locator("#slip-bring")).containsText("Полис ОМС");
        assertThat(page.locator("#slip-bring")).containsText("Паспорт");
        assertThat(page.locator("#slip .slip-referral")).hasCount(0);
        assertThat(page.locator("#print-slip")).isVisible();
        screenshot("slip");

        var download = page.waitForDownload(() -> page.locator("#slip-pdf").click());
        assertThat(download.suggestedFilename()).startsWith("slip-").endsWith(".pdf");

        page.navigate(slipUrl.contains("?") ? slipUrl + "&lang=en" : slipUrl + "?lang=en");
        assertThat(page.locator("#slip h1")).containsText("Appointment slip No.");
        assertThat(page.locator("#slip-bring")).containsText("OMS");

        // Another patient learns nothing, not even that the appointment exists.
        var stranger = fixtures.patient();
        var otherPage = browserContext().newPage();
        signInByCode(otherPage, outbox, stranger.phone());
        var refused = otherPage.navigate(slipUrl);
        assertThat(refused.status()).isEqualTo(404);
        assertThat(otherPage.locator("#slip")).hasCount(0);
        assertThat(otherPage.content()).doesNotContain(doctor.view().lastName());
        otherPage.context().close();

        // Once cancelled, the page says why there is no slip.
        page.navigate(url("/appointments?lang=ru"));
        booked.locator("button.cancel").click();
        confirm(page);
        page.waitForURL("**/appointments?cancelled");
        assertThat(page.locator("li.appointment[data-status='CANCELLED'] a.slip"))
                .hasCount(0);
        var cancelled = page.navigate(slipUrl);
        assertThat(cancelled.status()).isEqualTo(409);
        assertThat(page.locator("#slip-error")).hasText("Запись отменена, талон на приём по ней не выдаётся.");
        assertThat(page.locator("#slip")).hasCount(0);
        // The PDF link of a page printed earlier leads back to the same explanation.
        var pdfOfCancelled = page.navigate(slipUrl + ".pdf");
        assertThat(pdfOfCancelled.status()).isEqualTo(409);
        assertThat(page.url()).endsWith("/slip");
        assertThat(page.locator("#slip-error")).isVisible();
    }

    @Test
    void aPatientAttachesAReferralToAnInPersonVisitAndTheDoctorOpensItFromTheSchedule() throws Exception {
        var fixtures = new Fixtures(clinics, identity);
        var clinic = fixtures.clinic("Europe/Moscow");
        var doctor = fixtures.doctor(clinic, "therapist", "REGION", "IN_PERSON");
        fixtures.openMornings(scheduleTemplates, clinic, doctor, "Очный");
        var patient = fixtures.patient();
        signInByCode(page, outbox, patient.phone());
        page.navigate(url("/booking/doctors/" + doctor.id()));
        page.locator("a.slot").first().click();
        page.locator("#accept").check();
        page.locator("#book").click();
        page.waitForURL("**/appointments?booked");
        var booked = page.locator("li.appointment[data-status='BOOKED']");
        booked.locator("a.files").click();
        page.waitForURL("**/appointments/*/files");
        assertThat(page.locator("#no-files")).isVisible();
        var notAScan = java.nio.file.Files.createTempFile("program", ".exe");
        java.nio.file.Files.write(notAScan, org.medkarta.files.Samples.windowsExecutable());
        page.setInputFiles("#file", notAScan);
        page.locator("#attach-file").click();
        assertThat(page.locator("#file-error")).containsText("PDF");
        var scan = java.nio.file.Files.createTempDirectory("scan").resolve("napravlenie.pdf");
        java.nio.file.Files.write(scan, org.medkarta.files.Samples.pdf());
        page.setInputFiles("#file", scan);
        page.locator("#attach-file").click();
        page.waitForURL("**/files?attached");
        assertThat(page.locator("li.appointment-file a")).hasText("napravlenie.pdf");
        String filesUrl = page.url().replace("?attached", "");

        // The doctor finds the file from their schedule and downloads it.
        var doctorPage = browserContext().newPage();
        doctorPage.navigate(
                url("/test/token-sign-in?token=" + doctor.token() + "&continue=/schedule/doctors/" + doctor.id()));
        doctorPage.navigate(filesUrl);
        assertThat(doctorPage.locator("li.appointment-file a")).hasText("napravlenie.pdf");
        assertThat(doctorPage.locator("#attach-file")).isVisible();
        var download = doctorPage.waitForDownload(
                () -> doctorPage.locator("li.appointment-file a").click());
        assertThat(download.suggestedFilename()).isEqualTo("napravlenie.pdf");
        doctorPage.context().close();
    }
}
