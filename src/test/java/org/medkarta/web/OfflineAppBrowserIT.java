package org.medkarta.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.playwright.PlaywrightException;
import org.junit.jupiter.api.Test;
import org.medkarta.notification.DevOutbox;
import org.medkarta.testing.BrowserSupport;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Phones;
import org.medkarta.testing.TestPatients;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The installable app (issue 22): a manifest with its icons, and a service worker that keeps a
 * signed-in patient's record summary readable offline, marked as an offline copy and as of when,
 * and forgets it at sign-out.
 */
class OfflineAppBrowserIT extends BrowserSupport {

    @Autowired
    DevOutbox outbox;

    @Autowired
    IdentityFacades identity;

    @Test
    void theManifestNamesTheAppAndItsIcons() {
        var manifest = page.request().get(url("/manifest.webmanifest"));
        assertThat(manifest.status()).isEqualTo(200);
        assertThat(manifest.text()).contains("\"192x192\"", "\"512x512\"", "\"standalone\"");
        for (String icon : new String[] {"/icons/icon-192.png", "/icons/icon-512.png"}) {
            var response = page.request().get(url(icon));
            assertThat(response.status()).as(icon).isEqualTo(200);
            assertThat(response.headers().get("content-type")).as(icon).isEqualTo("image/png");
        }
        page.navigate(url("/"));
        assertThat(page.locator("link[rel=manifest]")).hasAttribute("href", "/manifest.webmanifest");
    }

    @Test
    void aPatientsRecordSummaryReadsOfflineMarkedAsSuchAndIsForgottenAtSignOut() {
        String phone = Phones.unique();
        TestPatients.register(identity, "Офлайнова", "Нина", null, phone, "1980-01-02");
        signInByCode(page, outbox, phone);
        page.navigate(url("/record"));
        page.waitForURL("**/record/*");
        String summary = page.url();
        // The worker installs on the first page; the next load of the summary goes through it and is kept.
        page.evaluate("() => navigator.serviceWorker.ready.then(() => true)");
        page.reload();
        page.waitForFunction("() => navigator.serviceWorker.controller !== null");
        page.reload();
        assertThat(keptPages()).isEqualTo(1);
        assertThat(page.locator("#offline-banner")).hasCount(0);

        context.setOffline(true);
        page.reload();
        assertThat(page.locator("#offline-banner")).containsText("Нет сети — данные на");
        // The shell came from the worker's cache too: the page has its styles.
        assertThat(page.locator("nav.navbar")).hasCSS("background-color", "rgb(10, 88, 202)");
        screenshot("offline-summary");

        context.setOffline(false);
        page.navigate(summary);
        page.locator("#sign-out").click();
        page.waitForURL("**/?signedOut");
        page.waitForFunction("() => caches.has('medkarta-patient').then(has => !has)");
        assertThat(keptPages()).isZero();
        context.setOffline(true);
        assertThatThrownBy(() -> page.navigate(summary)).isInstanceOf(PlaywrightException.class);
        context.setOffline(false);
    }

    private int keptPages() {
        return ((Number) page.evaluate("() => caches.has('medkarta-patient').then(has => has"
                        + " ? caches.open('medkarta-patient').then(c => c.keys()).then(k => k.length) : 0)"))
                .intValue();
    }
}
