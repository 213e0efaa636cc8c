package org.medkarta.homevisit;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.testing.BrowserSupport;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Phones;
import org.medkarta.testing.TestCare;
import org.medkarta.testing.TestClinics;
import org.medkarta.testing.TestPatients;
import org.medkarta.testing.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;

/** A doctor called home (issue 23), from the patient's request to the protocol in their record. */
class HomeVisitBrowserIT extends BrowserSupport {

    @Autowired
    ClinicFacades clinics;

    @Autowired
    IdentityFacades identity;

    private Page signedIn(String token, String path) {
        var other = browserContext().newPage();
        other.navigate(url("/test/token-sign-in?token=" + token + "&continue=" + path));
        return other;
    }

    @Test
    void anAttachedPatientCallsADoctorTheRegistryAssignsAndTheProtocolArrivesInTheRecord() {
        var clinic = TestClinics.register(clinics, "Поликлиника на дому").id();
        var admin = TestStaff.administrator(identity, clinics, clinic);
        var doctor =
                TestCare.invite(clinics, admin, clinic, TestCare.NewDoctor.THERAPIST.named("Участковый", "Пётр", null));
        String phone = Phones.unique();
        var account = TestPatients.register(identity, "Домоседова", "Галина", null, phone, "1950-02-03");
        var patient = new SignedInUser(
                account.userId(),
                "Галина",
                account.patientId(),
                List.of(new RoleGrant(Role.PATIENT, null)),
                "SMS_CODE");
        var request = clinics.attachments().requestAttachment(patient, clinic, "GENERAL");
        clinics.attachments().confirmAttachment(TestClinics.PLATFORM, request.id(), Locale.ENGLISH);

        // The patient: offered on the appointments page, one wrong field first.
        page.navigate(url("/test/token-sign-in?token="
                + identity.tokens().tokensFor(patient).accessToken() + "&continue=/appointments"));
        page.locator("#home-visit-offer-link").click();
        page.waitForURL("**/home-visits");
        page.locator("a.call-doctor").click();
        page.waitForURL("**/home-visits/new**");
        assertThat(page.locator("#phone")).not().hasValue("");
        page.locator("#address").fill("Москва, ул. Садовая, д. 3, кв. 7");
        page.locator("#reason").fill("Высокая температура, ломота в теле");
        page.locator("#temperature").fill("45,5");
        page.locator("#home-visit-submit").click();
        assertThat(page.locator("#temperature-error")).isVisible();
        assertThat(page.locator("#address")).hasValue("Москва, ул. Садовая, д. 3, кв. 7");
        page.locator("#temperature").fill("38,6");
        page.locator("#home-visit-submit").click();
        page.waitForURL("**/home-visits?asked");
        var mine = page.locator("li.home-visit");
        assertThat(mine).hasAttribute("data-state", "NEW");
        screenshot("asked");

        // The registrar assigns the doctor and the window.
        var registrar = signedIn(
                identity.tokens()
                        .tokensFor(TestStaff.registrar(identity, clinic))
                        .accessToken(),
                "/");
        registrar.locator("#nav-home-visit-queue").click();
        registrar.waitForURL("**/registry/clinics/**/home-visits");
        var queued = registrar.locator("div.queued");
        assertThat(queued).hasCount(1);
        assertThat(queued.locator(".temperature")).containsText("38.6");
        queued.locator("select.doctor").selectOption(doctor.id().value().toString());
        queued.locator("input.from").fill("10:00");
        queued.locator("input.to").fill("14:00");
        queued.locator("button.assign").click();
        registrar.waitForURL("**/home-visits?assigned");
        assertThat(registrar.locator("#nothing")).isVisible();

        // The patient sees the assignment.
        page.reload();
        assertThat(mine).hasAttribute("data-state", "ASSIGNED");
        assertThat(mine.locator(".assignment")).containsText("Участковый");
        assertThat(mine.locator(".assignment")).containsText("10:00");
        assertThat(mine.locator(".assignment")).containsText("14:00");

        // The doctor marks the visit made and files the protocol.
        var rounds = signedIn(TestCare.token(identity, doctor), "/");
        rounds.locator("#nav-home-visit-rounds").click();
        rounds.waitForURL("**/home-visits/rounds");
        assertThat(rounds.locator("div.round .patient")).containsText("Домоседова");
        rounds.locator("a.open-visit").click();
        rounds.locator("#complaints").fill("Озноб, кашель со вчерашнего дня");
        rounds.locator("#examination").fill("Зев гиперемирован, хрипов нет");
        rounds.locator("#diagnosis").fill("J06.9");
        rounds.locator("#recommendations").fill("Постельный режим, обильное питьё");
        rounds.locator("#visited-submit").click();
        rounds.waitForURL("**/home-visits/rounds?visited");
        assertThat(rounds.locator("div.round")).hasAttribute("data-state", "VISITED");

        // The patient finds the protocol in the record.
        page.reload();
        assertThat(mine).hasAttribute("data-state", "VISITED");
        mine.locator("a.protocol-link").click();
        page.waitForURL("**/record/**/entries/**");
        assertThat(page.locator("main")).containsText("J06.9");
        assertThat(page.locator("main")).containsText("Постельный режим");
        screenshot("protocol");
    }
}
