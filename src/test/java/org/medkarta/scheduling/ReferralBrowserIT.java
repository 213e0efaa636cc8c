package org.medkarta.scheduling;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.medkarta.testing.BrowserSupport;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.IdentityFacades;
import org.springframework.beans.factory.annotation.Autowired;

/** What a doctor does in the «Направления» section (issue 23, seed 004). */
class ReferralBrowserIT extends BrowserSupport {

    @Autowired
    ClinicFacades clinics;

    @Autowired
    IdentityFacades identity;

    @Autowired
    PatientReferrals patientReferrals;

    @Test
    void aDoctorIssuesAReferralFromThePageSeesItIssuedAndCancelsIt() {
        var fixtures = new Fixtures(clinics, identity);
        var clinic = fixtures.clinic("Europe/Moscow");
        var doctor = fixtures.doctor(clinic, "therapist", "REGION");
        var patient = fixtures.patient();
        // The patient is the clinic's: referred to its therapist (SPEC F4).
        patientReferrals.issueReferral(
                patient.account().patientId(),
                "therapist",
                doctor.view().id(),
                java.time.Instant.now().plus(Duration.ofDays(30)),
                null);

        page.navigate(url("/test/token-sign-in?token=" + doctor.token() + "&continue=/"));
        page.locator("#nav-referrals").click();
        page.waitForURL("**/referrals");
        assertThat(page.locator("#no-referrals")).isVisible();
        page.locator("#new-referral").click();
        page.waitForURL("**/referrals/new");
        page.locator("#query").fill(patient.phone());
        page.locator("#find-patient").click();
        page.waitForURL("**/referrals/new?query=**");
        assertThat(page.locator("#patient-0")).isChecked();
        page.locator("#specialty").selectOption("cardiologist");
        page.locator("#issue-referral").click();
        // Without a validity and a reason the form says so beside each field.
        page.waitForURL("**/referrals");
        assertThat(page.locator("#validUntil-error")).isVisible();
        assertThat(page.locator("#reason-error")).isVisible();
        page.locator("#validUntil")
                .fill(LocalDate.now(ZoneId.of("Europe/Moscow")).plusDays(10).toString());
        page.locator("#reason").fill("Боли в груди при нагрузке");
        page.locator("#issue-referral").click();
        page.waitForURL("**/referrals?issued");
        var row = page.locator("tr.referral");
        assertThat(row).hasCount(1);
        assertThat(row).hasAttribute("data-state", "ISSUED");
        assertThat(row.locator(".state")).hasText("Выдано");
        assertThat(row.locator(".patient")).containsText("Пациентов");
        screenshot("issued");

        row.locator("button.cancel-referral").click();
        confirm(page);
        page.waitForURL("**/referrals?cancelled");
        assertThat(page.locator("tr.referral")).hasAttribute("data-state", "CANCELLED");
        assertThat(page.locator("tr.referral .state")).hasText("Отменено");
        assertThat(page.locator("tr.referral button.cancel-referral")).hasCount(0);
        page.locator("#state").selectOption("ISSUED");
        page.waitForURL("**/referrals?state=ISSUED");
        assertThat(page.locator("#no-referrals")).isVisible();
        screenshot("cancelled");
    }
}
