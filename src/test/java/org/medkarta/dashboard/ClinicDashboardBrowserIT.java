package org.medkarta.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.SelectOption;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medkarta.scheduling.ScheduleTemplates;
import org.medkarta.testing.BrowserSupport;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.TestCare;
import org.medkarta.testing.TestClinics;
import org.medkarta.testing.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The clinic dashboard (SPEC J3, issue 19) as the demo clinic's administrator opens it: the charts
 * drawn with the demo data, a table under each, the filters, the CSV download; and a clinic's
 * administrator appointing a head of department on the doctors page, who then sees the dashboard.
 */
class ClinicDashboardBrowserIT extends BrowserSupport {

    @Autowired
    ClinicFacades clinics;

    @Autowired
    IdentityFacades identity;

    @Autowired
    ScheduleTemplates scheduleTemplates;

    @Test
    void theDemoClinicsAdministratorSeesTheChartsTheTablesFiltersAndDownloadsTheCsv() throws Exception {
        page.navigate(
                url("/test/staff-sign-in?email=clinic@demo.medkarta.org&password=Demo-clinic-1&continue=/dashboards"));
        page.waitForURL("**/clinics/*/dashboard");
        assertThat(page.locator("#nav-dashboards")).isVisible();
        for (String chart : List.of("#load-chart", "#requests-chart", "#protocols-chart")) {
            assertThat(page.locator(chart)).hasAttribute("data-rendered", "true");
        }
        // Two weeks either side of today, a table row per day under each chart.
        assertThat(page.locator("#load-table tbody tr")).hasCount(29);
        assertThat(page.locator("#requests-table tbody tr")).hasCount(29);
        assertThat(page.locator("#protocols-table tbody tr")).hasCount(29);
        // The demo doctors' schedules give free slots in the coming days.
        assertThat(page.locator("#doctors-table tbody tr").first()).isVisible();
        int free = Integer.parseInt(page.locator("#total-free").textContent().trim());
        assertThat(free).isPositive();
        // The walk-in section: its table once the demo queue served someone (other tests may), else the
        // sentence saying nobody was seen.
        assertThat(page.locator("#walk-in-title")).hasText("Ожидание в живой очереди");
        assertThat(page.locator("#no-walk-in, #walk-in-table")).hasCount(1);
        if (page.locator("#no-walk-in").count() == 1) {
            assertThat(page.locator("#no-walk-in")).hasText("За этот период в живой очереди никого не принимали.");
        }
        // A drawn canvas is not blank.
        boolean drawn = (Boolean) page.evaluate("() => { const c = document.getElementById('load-chart');"
                + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                + " for (let i = 3; i < d.length; i += 4) { if (d[i] !== 0) return true; } return false; }");
        assertThat(drawn).isTrue();
        screenshot("dashboard");

        var download = page.waitForDownload(() -> page.locator("#download-csv").click());
        assertThat(download.suggestedFilename()).startsWith("dashboard-").endsWith(".csv");
        byte[] csv = Files.readAllBytes(download.path());
        assertThat(csv[0]).isEqualTo((byte) 0xEF);
        assertThat(new String(csv, 3, csv.length - 3, java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("scope,date,doctor_id,doctor,figure,value\r\n");

        String cardiologist = "Соколова Елена";
        page.locator("#doctorId").selectOption(new SelectOption().setLabel(cardiologist));
        page.locator("#apply-filters").click();
        page.waitForURL("**doctorId=*");
        assertThat(page.locator("#doctors-table tbody tr")).hasCount(1);
        assertThat(page.locator("#doctors-table tbody tr th")).hasText(cardiologist);

        LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));
        page.locator("#from").fill(today.toString());
        page.locator("#to").fill(today.minusDays(1).toString());
        page.locator("#apply-filters").click();
        assertThat(page.locator("#to-error")).hasText("Конец периода раньше его начала.");
        assertThat(page.locator("#load-chart")).hasCount(0);
    }

    @Test
    void anAdministratorAppointsAHeadOfDepartmentWhoThenSeesTheDashboard() {
        var clinic = TestClinics.register(clinics, "Клиника заведующего").id();
        var admin = TestStaff.administrator(identity, clinics, clinic);
        var doctor = TestCare.doctor(clinics, clinic);
        TestCare.openSchedule(scheduleTemplates, doctor.id());
        String dashboard = "/clinics/" + clinic.value() + "/dashboard";

        var doctorPage = browserContext().newPage();
        doctorPage.navigate(url("/test/token-sign-in?token=" + TestCare.token(identity, doctor) + "&continue=/"));
        assertThat(doctorPage.navigate(url(dashboard)).status()).isEqualTo(404);

        page.navigate(url("/test/token-sign-in?token="
                + identity.tokens().tokensFor(admin).accessToken() + "&continue=/admin/clinics/" + clinic.value()
                + "/doctors"));
        var row = page.locator("#doctor-" + doctor.id().value());
        row.locator("button.appoint-head").click();
        assertThat(page.locator("#doctor-" + doctor.id().value() + " .head-badge"))
                .isVisible();

        var shown = doctorPage.navigate(url(dashboard));
        assertThat(shown.status()).isEqualTo(200);
        assertThat(doctorPage.locator("#load-chart")).hasAttribute("data-rendered", "true");
        assertThat(doctorPage.locator("#doctor-" + doctor.id().value())).isVisible();

        page.locator("#doctor-" + doctor.id().value() + " button.remove-head").click();
        assertThat(page.locator("#doctor-" + doctor.id().value() + " .head-badge"))
                .hasCount(0);
        assertThat(doctorPage.navigate(url(dashboard)).status()).isEqualTo(404);
        doctorPage.context().close();
    }
}
