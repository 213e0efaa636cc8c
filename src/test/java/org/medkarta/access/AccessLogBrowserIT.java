package org.medkarta.access;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.medkarta.notification.DevOutbox;
import org.medkarta.scheduling.PatientReferrals;
import org.medkarta.testing.BrowserSupport;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Phones;
import org.medkarta.testing.TestCare;
import org.medkarta.testing.TestClinics;
import org.medkarta.testing.TestPatients;
import org.springframework.beans.factory.annotation.Autowired;

/** SPEC G3 as people use it: a doctor opens a record, its patient sees who did and filters the log. */
class AccessLogBrowserIT extends BrowserSupport {

    @Autowired
    IdentityFacades identity;

    @Autowired
    ClinicFacades clinics;

    @Autowired
    PatientReferrals patientReferrals;

    @Autowired
    DevOutbox outbox;

    @Test
    void aPatientSeesTheDoctorWhoOpenedTheRecordByNameAndClinicAndFiltersTheLog() {
        String phone = Phones.unique();
        var patient = TestPatients.register(identity, "Журналова", "Ольга", null, phone, "1980-03-03");
        var clinic = TestClinics.register(clinics, "Поликлиника №3");
        var doctor = TestCare.doctor(clinics, clinic.id());
        TestCare.refer(patientReferrals, patient.patientId(), doctor, java.time.Instant.now());
        String record = "/record/" + patient.patientId().value();

        var desk = browserContext().newPage();
        desk.navigate(url("/test/token-sign-in?token=" + TestCare.token(identity, doctor) + "&continue=" + record));
        desk.waitForURL("**" + record);
        assertThat(desk.locator("#tab-access-log")).hasCount(0);

        signInByCode(page, outbox, phone);
        page.navigate(url(record));
        page.locator("#tab-access-log").click();
        page.waitForURL("**/access-log");
        var doctorLine = page.locator(
                "#access-log .access-log-text",
                new com.microsoft.playwright.Page.LocatorOptions()
                        .setHasText("Врач Врачев И., " + clinic.name() + ", открыл(а) медицинскую карту"));
        assertThat(doctorLine).hasCount(1);
        screenshot("access-log");

        page.locator("#kind").selectOption("SELF");
        page.locator("#access-log-show").click();
        page.waitForURL("**kind=SELF**");
        assertThat(page.locator("#access-log .access-log-text").first()).containsText("Вы открыли");
        assertThat(page.locator("#access-log")).not().containsText("Врачев");

        page.navigate(url(record + "/access-log?from=2026-12-05&to=2026-12-01"));
        assertThat(page.locator("#to-error")).isVisible();
    }
}
