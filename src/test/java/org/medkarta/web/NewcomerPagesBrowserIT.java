package org.medkarta.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medkarta.notification.DevOutbox;
import org.medkarta.testing.BrowserSupport;
import org.springframework.beans.factory.annotation.Autowired;

/** What a newcomer trips over on the demo's pages (issue 13, item 10), each as a person sees it. */
class NewcomerPagesBrowserIT extends BrowserSupport {

    @Autowired
    DevOutbox outbox;

    @Test
    void aDoctorsProfileNamesEachRoleOnce() {
        page.navigate(
                url("/test/staff-sign-in?email=doctor@demo.medkarta.org&password=Demo-doctor-1&continue=/profile"));

        assertThat(page.locator("#profile-roles .badge")).hasCount(1);
        assertThat(page.locator("#profile-roles")).hasText("Врач");
    }

    @Test
    void pricesReadInWholeRoublesWithoutKopecks() {
        page.navigate(url("/doctors"));
        page.locator("main a[href^='/doctors/']", new Page.LocatorOptions().setHasText("Петров"))
                .first()
                .click();
        page.waitForURL("**/doctors/*");

        String text = page.locator("main").innerText().replace('\u00a0', ' ');
        assertThat(text).contains("1 500 ₽").doesNotContain(".00 ₽").doesNotContain("1500");
    }

    @Test
    void aMalformedRecordAddressShowsOnThePageTheStatusItAnswers() {
        signInDemoPatient(page, outbox, "+79990000001");

        var response = page.navigate(url("/record/not-a-uuid"));

        assertThat(page.locator("main .display-4")).hasText(String.valueOf(response.status()));
        assertThat(response.status()).isBetween(400, 499);
    }

    @Test
    void theRecordSwitcherNamesEachRecordInsteadOfAnIdFragment() {
        signInDemoPatient(page, outbox, "+79990000002");
        page.navigate(url("/record"));

        Locator options = page.locator("#switch-record option");
        List<String> labels = options.allInnerTexts();
        assertThat(labels).hasSizeGreaterThan(1);
        assertThat(labels).noneMatch(label -> label.matches(".*\\b[0-9a-f]{8}\\b.*"));
        assertThat(labels).allMatch(label -> label.matches(".*\\p{IsCyrillic}{2,} \\p{IsCyrillic}{2,}.*"));
    }
}
