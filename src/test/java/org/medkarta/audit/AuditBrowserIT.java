package org.medkarta.audit;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.medkarta.testing.BrowserSupport;

/** The platform administrator's audit page (SPEC G2, G3). */
class AuditBrowserIT extends BrowserSupport {

    @Test
    void thePlatformAdministratorVerifiesTheTrailAndSeesItsEntries() {
        page.navigate(url("/admin/audit"));
        page.locator("#email").fill("admin@demo.medkarta.org");
        page.locator("#password").fill("Demo-admin-1");
        page.locator("#sign-in").click();

        assertThat(page.locator(".audit-row").first()).isVisible();
        page.locator("#verify").click();
        assertThat(page.locator("#verification")).containsText("Журнал цел");
        screenshot("verified");
    }
}
