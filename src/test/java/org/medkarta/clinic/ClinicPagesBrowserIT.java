package org.medkarta.clinic;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.medkarta.identity.Identity;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The clinic pages on their own: the same set-up flow with the sign-in and the password step done
 * behind the scenes, the public documents and the help form.
 */
class ClinicPagesBrowserIT extends ClinicSetUpFlow {

    @Autowired
    Identity identity;

    @Override
    void signInAsPlatformAdmin(Page page, String next) {
        page.navigate(url("/test/staff-sign-in?email=admin@demo.medkarta.org&password=Demo-admin-1&continue=" + next));
        page.waitForURL(url(next));
    }

    @Test
    void anAdministratorSetsUpAClinicAndItsDoctorAppearsInTheCatalogue() {
        setUpAClinicAndFindItsDoctor(
                link -> identity.setPassword(link.substring(link.indexOf("token=") + 6), "Doctor-pass-1"));
    }

    @Test
    void theDemoClinicsOfferIsReadableOnItsPageAndAsPdf() {
        page.navigate(url("/clinics?region=77"));
        page.locator("a:has-text('Медкарта Демо')").first().click();
        page.locator("a[href$='/documents/offer']").click();

        assertThat(page.locator("#document h2")).containsText("Публичная оферта");
        assertThat(page.locator("#document")).containsText("Клиника «Медкарта Демо»");
        var download = page.request().get(url(page.locator("#pdf").getAttribute("href")));
        org.assertj.core.api.Assertions.assertThat(download.headers().get("content-type"))
                .isEqualTo("application/pdf");
    }

    @Test
    void aSignedOutVisitorAsksForHelpAndIsToldWhatIsMissing() {
        page.navigate(url("/help"));
        page.fill("#topic", "Не приходит SMS");
        page.fill("#text", "Жду код уже десять минут.");
        page.click("#send-help");
        assertThat(page.locator(".invalid-feedback").first()).isVisible();

        page.fill("#email", "visitor@example.ru");
        page.click("#send-help");

        assertThat(page.locator("#sent")).isVisible();
    }
}
