package org.medkarta.audit;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.medkarta.testing.BrowserSupport;
import org.springframework.beans.factory.annotation.Autowired;

/** The platform administrator's audit page (SPEC G2, G3). */
class AuditBrowserIT extends BrowserSupport {

    @Autowired
    AuditTrail trail;

    @Autowired
    DataSource dataSource;

    @Autowired
    java.time.Clock clock;

    @Test
    void theAuditPageShowsCodesAsWordsAndTimesAsDayMonthYearInEitherLanguage() {
        UUID patient = UUID.randomUUID();
        trail.record(AuditEntry.of(null, "DOCTOR", patient, "RECORD_VIEW", null, "DENIED", null));
        page.navigate(url("/admin/audit?lang=ru&patientId=" + patient));
        page.locator("#email").fill("admin@demo.medkarta.org");
        page.locator("#password").fill("Demo-admin-1");
        page.locator("#sign-in").click();
        page.navigate(url("/admin/audit?lang=ru&patientId=" + patient));

        var row = page.locator(".audit-row");
        assertThat(row).hasCount(1);
        assertThat(row).containsText("Врач");
        assertThat(row).containsText("Просмотр карты");
        assertThat(row).containsText("Отказано");
        assertThat(row).not().containsText("RECORD_VIEW");
        String day = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")
                .format(clock.instant().atZone(java.time.ZoneOffset.UTC));
        assertThat(row.locator("td").nth(1))
                .hasText(java.util.regex.Pattern.compile(day.replace(".", "\\.") + " \\d\\d:\\d\\d:\\d\\d"));

        page.navigate(url("/admin/audit?lang=en&patientId=" + patient));
        assertThat(row).containsText("Doctor");
        assertThat(row).containsText("Record viewed");
        assertThat(row).containsText("Denied");
        assertThat(row.locator("td").nth(1)).not().containsText("T");
    }

    @Test
    void thePlatformAdministratorVerifiesTheTrailAndSeesItsEntries() throws java.sql.SQLException {
        page.navigate(url("/admin/audit"));
        page.locator("#email").fill("admin@demo.medkarta.org");
        page.locator("#password").fill("Demo-admin-1");
        page.locator("#sign-in").click();

        assertThat(page.locator(".audit-row").first()).isVisible();
        page.locator("#verify").click();
        assertThat(page.locator("#verification")).containsText("Журнал цел");
        screenshot("verified");

        // An entry changed behind the trail's back: the page names it.
        long tampered =
                trail.record(AuditEntry.of(null, "DOCTOR", UUID.randomUUID(), "RECORD_READ", null, "DENIED", null));
        var tampering = new Tampering(dataSource);
        try {
            tampering.changeOutcome(tampered, "SUCCESS");
            page.locator("#verify").click();
            assertThat(page.locator("#verification")).hasClass(java.util.regex.Pattern.compile("alert-danger"));
            assertThat(page.locator("#verification")).containsText(String.valueOf(tampered));
            screenshot("broken");
        } finally {
            tampering.changeOutcome(tampered, "DENIED");
        }
        page.locator("#verify").click();
        assertThat(page.locator("#verification")).containsText("Журнал цел");
    }
}
