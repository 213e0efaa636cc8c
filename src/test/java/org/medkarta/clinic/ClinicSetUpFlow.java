package org.medkarta.clinic;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.medkarta.notification.DevOutbox;
import org.medkarta.testing.BrowserSupport;
import org.medkarta.testing.Outbox;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a platform administrator does to put a clinic on the platform (issue 4, seed 000 order):
 * register the clinic, publish the offer and consent, invite a doctor who sets a password from the
 * dev-outbox link, add a referral-only service, and find the doctor in the public catalogue.
 */
abstract class ClinicSetUpFlow extends BrowserSupport {

    @Autowired
    DevOutbox outbox;

    /** Signs the platform administrator in on {@code page} and lands on {@code next}. */
    abstract void signInAsPlatformAdmin(Page page, String next);

    void setUpAClinicAndFindItsDoctor(Consumer<String> doctorSetsPasswordFromLink) {
        String clinicName = "Клиника Браузер " + UUID.randomUUID().toString().substring(0, 6);
        String doctorEmail = "doctor-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ru";
        var suffix = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            suffix.append((char) ('а' + ThreadLocalRandom.current().nextInt(32)));
        }
        // A name no other test run shares, so the catalogue search finds exactly this doctor.
        String lastName = "Браузерова" + suffix;
        signInAsPlatformAdmin(page, "/admin/clinics/new");

        page.fill("#name", clinicName);
        page.fill("#inn", ClinicApiSupport.broken(ClinicApiSupport.validInn()));
        page.fill("#ogrn", ClinicApiSupport.validOgrn());
        page.fill("#address", "Москва, Ленинский проспект, 10");
        page.fill("#phone", "+7 495 765-43-21");
        page.fill("#email", "reception@example.ru");
        page.click("#create-clinic");
        assertThat(page.locator("#inn-error")).containsText("ИНН");
        assertThat(page.locator("#name")).hasValue(clinicName);
        page.fill("#inn", ClinicApiSupport.validInn());
        page.click("#create-clinic");
        assertThat(page.locator("h1")).hasText(clinicName);
        screenshot("1-clinic");

        page.click("#tab-documents-offer");
        page.fill(
                "#text",
                "# Публичная оферта\n\n{{clinic}} оказывает консультации с применением телемедицинских технологий.");
        page.click("#publish");
        assertThat(page.locator("#published")).containsText("1");
        page.click("#tab-documents-consent");
        page.fill("#text", "# Информированное добровольное согласие\n\nЯ, {{patient}}, согласен на консультацию.");
        page.click("#publish");
        assertThat(page.locator("#versions li")).hasCount(1);
        screenshot("2-consent");

        page.click("#tab-doctors");
        page.fill("#email", doctorEmail);
        page.fill("#lastName", lastName);
        page.fill("#firstName", "Вера");
        page.fill("#patronymic", "Игоревна");
        page.selectOption("#specialties", "neurologist");
        page.fill("#position", "Врач-невролог");
        page.fill("#experienceYears", "9");
        page.click("#invite-doctor");
        assertThat(page.locator("#invited")).containsText(doctorEmail);
        doctorSetsPasswordFromLink.accept(Outbox.latestLink(outbox, doctorEmail));

        page.click("#tab-services");
        page.fill("#name", "Консультация невролога по направлению");
        page.selectOption("#specialty", "neurologist");
        page.selectOption("#format", "VIDEO");
        page.selectOption("#kind", "PRIMARY");
        page.fill("#durationMinutes", "40");
        page.fill("#priceRoubles", "2500");
        page.locator("input[name=doctorIds]").first().check();
        page.selectOption("#visibility", "REFERRAL");
        page.click("#add-service");
        assertThat(page.locator("#added")).isVisible();
        assertThat(page.locator("#services .visibility")).hasText("Только по направлению");
        screenshot("3-service");

        page.navigate(url("/doctors"));
        page.selectOption("#specialty", "neurologist");
        page.fill("#q", lastName);
        page.click("#search");
        assertThat(page.locator(".doctor-card")).hasCount(1);
        page.locator(".doctor-card a").first().click();
        assertThat(page.locator("h1")).hasText(lastName + " Вера Игоревна");
        assertThat(page.locator("#services")).containsText("Консультация невролога по направлению");
        assertThat(page.locator("#services")).containsText("2\u00a0500\u00a0₽");
        assertThat(page.locator("#services")).containsText("Только по направлению");
        screenshot("4-catalogue");
    }
}
