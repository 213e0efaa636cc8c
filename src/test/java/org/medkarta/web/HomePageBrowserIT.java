package org.medkarta.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.medkarta.testing.BrowserSupport;

class HomePageBrowserIT extends BrowserSupport {

    @Test
    void homePageIsRussianAndTheSwitchTurnsItIntoEnglishForGood() {
        page.navigate(url("/"));

        assertThat(page.locator("html")).hasAttribute("lang", "ru");
        assertThat(page.locator("h1")).hasText("Медицинская карта, запись к врачу и телемедицина в одном месте");
        assertThat(page.locator("#patients h2")).hasText("Пациентам");
        screenshot("ru");

        page.locator("#language-switch").click();

        assertThat(page.locator("html")).hasAttribute("lang", "en");
        assertThat(page.locator("h1")).hasText("Your medical record, doctor booking and telemedicine in one place");
        assertThat(page.locator("#doctors h2")).hasText("For doctors");
        screenshot("en");

        page.navigate(url("/no-such-page"));
        assertThat(page.locator("h1")).hasText("Page not found");
    }

    @Test
    void homePageFitsAPhoneScreenWithoutSidewaysScrolling() {
        phone().navigate(url("/"));

        assertThat(page.locator("#language-switch")).isVisible();
        assertThat(page.locator(".navbar-toggler")).isVisible();
        int overflow = ((Number) page.evaluate("document.documentElement.scrollWidth - window.innerWidth")).intValue();
        org.assertj.core.api.Assertions.assertThat(overflow).isLessThanOrEqualTo(0);
        screenshot("phone");

        page.locator(".navbar-toggler").click();
        assertThat(page.locator("#main-nav a[href='/clinics']")).isVisible();
    }
}
