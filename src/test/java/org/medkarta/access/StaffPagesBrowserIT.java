package org.medkarta.access;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.medkarta.testing.BrowserSupport;

/** The staff pages of the access module: an emergency opening and linking a parent and a child. */
class StaffPagesBrowserIT extends BrowserSupport {

    private void staff(String email, String password, String page) {
        this.page.navigate(url("/test/staff-sign-in?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + password + "&continue=" + page));
    }

    @Test
    void aDoctorOpensARecordInAnEmergencyWithAStatedReason() {
        staff("cardio@demo.medkarta.org", "Demo-doctor-2", "/access/emergency");
        page.locator("#patient").fill("+79990000001");
        page.locator("#reason").fill("срочно");
        page.locator("#emergency-submit").click();
        assertThat(page.locator("#reason-error")).isVisible();
        page.locator("#reason").fill("Потеря сознания в клинике, нужны аллергии и диагнозы");
        page.locator("#emergency-submit").click();
        assertThat(page.locator("#opened")).isVisible();
        page.locator("#open-record").click();
        page.waitForURL("**/record/*");
        assertThat(page.locator("main h1")).isVisible();
        screenshot("emergency-record");
    }

    @Test
    void aClinicAdministratorLinksAParentAndANewChild() {
        staff("clinic@demo.medkarta.org", "Demo-clinic-1", "/admin/guardianships");
        page.locator("#parentPhone").fill("+79990000001");
        page.locator("#link-submit").click();
        assertThat(page.locator("#lastName-error")).isVisible();
        page.locator("#lastName").fill("Иванова");
        page.locator("#firstName").fill("Алиса");
        page.locator("#birthDate").fill(LocalDate.now().minusYears(3).toString());
        page.locator("#link-submit").click();
        page.waitForURL("**/admin/guardianships?linked");
        assertThat(page.locator("#linked")).isVisible();
    }
}
