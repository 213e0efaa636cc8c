package org.medkarta.clinic;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.options.Geolocation;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.medkarta.testing.BrowserSupport;
import org.medkarta.testing.TestClinics;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Clinics near me" in the browser (SPEC B9): with the position granted, the button lists the clinics
 * nearest first and puts them on the Leaflet map; with the tile server unreachable the list still
 * stands; refused, the page says how to go on.
 */
class NearbyClinicsBrowserIT extends BrowserSupport {

    @Autowired
    ClinicSetUp setUp;

    private void clinicAt(String name, double latitude, double longitude) {
        setUp.register(
                TestClinics.PLATFORM,
                new ClinicForm(
                        name,
                        ClinicApiSupport.validInn(),
                        ClinicApiSupport.validOgrn(),
                        null,
                        null,
                        "77",
                        "Адрес " + name,
                        "Europe/Moscow",
                        "+74951112233",
                        null,
                        "info@example.ru",
                        null,
                        null,
                        String.valueOf(latitude),
                        String.valueOf(longitude)),
                List.of(),
                "http://localhost",
                Locale.ENGLISH);
    }

    private void grantPosition(BrowserContext on, double latitude, double longitude) {
        on.grantPermissions(List.of("geolocation"), new BrowserContext.GrantPermissionsOptions().setOrigin(url("")));
        on.setGeolocation(new Geolocation(latitude, longitude));
    }

    @Test
    void theGrantedPositionListsClinicsNearestFirstOnTheMapAndInTheList() {
        var random = ThreadLocalRandom.current();
        double latitude = 60 + random.nextDouble(8);
        double longitude = 100 + random.nextDouble(30);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        clinicAt("Вторая " + suffix, latitude + 0.03, longitude);
        clinicAt("Первая " + suffix, latitude + 0.005, longitude);
        grantPosition(context, latitude, longitude);
        // No tile server in tests: every tile fails, as when the tile server cannot be reached.
        context.route("https://tile.openstreetmap.org/**", route -> route.abort());

        page.navigate(url("/clinics"));
        page.locator("#clinics-near-link").click();
        page.locator("#near-find").click();

        var items = page.locator("#near-list .near-clinic");
        assertThat(items).hasCount(2);
        assertThat(items.nth(0)).containsText("Первая " + suffix);
        assertThat(items.nth(0)).containsText("км от вас");
        assertThat(items.nth(1)).containsText("Вторая " + suffix);
        assertThat(page.locator("#near-map.leaflet-container")).isVisible();
        assertThat(page.locator("#near-map .leaflet-marker-icon")).hasCount(2);
        screenshot("near");

        page.setViewportSize(360, 740);
        assertThat(items.nth(0)).isVisible();
        org.assertj.core.api.Assertions.assertThat(
                        (Boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .isTrue();
        screenshot("near-360");
    }

    @Test
    void aRefusedPositionIsToldAndNothingIsListed() {
        page.navigate(url("/clinics/near"));
        page.locator("#near-find").click();

        assertThat(page.locator("#near-status")).containsText("Браузер не сообщил ваше местоположение");
        assertThat(page.locator("#near-list")).hasCount(0);
    }
}
