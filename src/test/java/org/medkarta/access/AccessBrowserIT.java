package org.medkarta.access;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medkarta.identity.Registered;
import org.medkarta.notification.DevOutbox;
import org.medkarta.scheduling.AppointmentReading;
import org.medkarta.scheduling.Booking;
import org.medkarta.scheduling.ScheduleTemplates;
import org.medkarta.testing.BrowserSupport;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Outbox;
import org.medkarta.testing.Phones;
import org.medkarta.testing.TestCare;
import org.medkarta.testing.TestClinics;
import org.medkarta.testing.TestPatients;
import org.springframework.beans.factory.annotation.Autowired;

/** What a patient and a parent do on the access pages (issue 7, "Done when": the Playwright flows). */
class AccessBrowserIT extends BrowserSupport {

    @Autowired
    IdentityFacades identity;

    @Autowired
    ClinicFacades clinics;

    @Autowired
    ScheduleTemplates scheduleTemplates;

    @Autowired
    Booking booking;

    @Autowired
    AppointmentReading appointmentReading;

    @Autowired
    DevOutbox outbox;

    @Test
    void aPatientGrantsAccessTheInviteeAcceptsAndThePatientRevokesIt() {
        String ownerPhone = Phones.unique();
        String granteePhone = Phones.unique();
        register(ownerPhone, "Владелец");
        register(granteePhone, "Доверенный");

        signInByCode(page, outbox, ownerPhone);
        page.locator("#nav-records").click();
        page.locator("#records a[href*='/access/grants']").first().click();
        page.locator("#granteeName").fill("Анна Доверенная");
        page.locator("#granteePhone").fill(granteePhone);
        page.locator("#level-FULL").check();
        page.locator("#grant-submit").click();
        page.waitForURL("**/confirm");
        page.locator("#code").fill("000000".equals(Outbox.latestCode(outbox, ownerPhone)) ? "111111" : "000000");
        page.locator("#code-submit").click();
        assertThat(page.locator("#code-error")).isVisible();
        page.locator("#code").fill(Outbox.latestCode(outbox, ownerPhone));
        page.locator("#code-submit").click();
        page.waitForURL("**invited");
        assertThat(page.locator("#grants .grant-status")).hasText("Приглашение отправлено");
        screenshot("invited");

        String invitation = Outbox.to(outbox, granteePhone, 1).stream()
                .map(message -> message.body())
                .filter(body -> body.contains("/access/invitations/"))
                .findFirst()
                .orElseThrow();
        String path =
                invitation.substring(invitation.indexOf("/access/invitations/")).strip();
        var granteeContext = browserContext();
        Page grantee = granteeContext.newPage();
        signInByCode(grantee, outbox, granteePhone);
        grantee.navigate(url(path));
        grantee.locator("#send-code").click();
        assertThat(grantee.locator("#code-sent")).isVisible();
        grantee.locator("#code").fill(Outbox.latestCode(outbox, granteePhone));
        grantee.locator("#accept").click();
        assertThat(grantee.locator("#acceptTerms-error")).isVisible();
        grantee.locator("#send-code").click();
        grantee.locator("#code").fill(Outbox.latestCode(outbox, granteePhone));
        grantee.locator("#acceptTerms").check();
        grantee.locator("#accept").click();
        grantee.waitForURL("**/access/records?accepted");
        assertThat(grantee.locator("#records tbody tr")).hasCount(2);
        assertThat(grantee.locator("#record-switcher")).isVisible();
        assertThat(grantee.locator("#records")).containsText("Полный контроль");

        page.navigate(url("/access/grants"));
        assertThat(page.locator("#grants .grant-status")).hasText("Действует");
        page.locator("#grants button.revoke").click();
        confirm(page);
        page.waitForURL("**/revoke");
        page.locator("#code").fill(Outbox.latestCode(outbox, ownerPhone));
        page.locator("#code-submit").click();
        page.waitForURL("**revoked");
        assertThat(page.locator("#grants .grant-status")).hasText("Отозван");
        screenshot("revoked");

        grantee.navigate(url("/access/records"));
        assertThat(grantee.locator("#records tbody tr")).hasCount(1);
        assertThat(grantee.locator("#record-switcher")).hasCount(0);
        granteeContext.close();
    }

    @Test
    void aParentRegistersTheirChildAndBooksForThem() {
        var doctor = bookableDoctor();
        String parentPhone = Phones.unique();
        register(parentPhone, "Родитель");

        signInByCode(page, outbox, parentPhone);
        page.navigate(url("/access/children/new"));
        page.locator("#lastName").fill("Родителев");
        page.locator("#firstName").fill("Петя");
        page.locator("#birthDate").fill(LocalDate.now().minusYears(6).toString());
        page.locator("#certificateSeries").fill("IV");
        page.locator("#certificateNumber").fill("12345");
        page.locator("#child-submit").click();
        assertThat(page.locator("#certificateSeries-error")).isVisible();
        assertThat(page.locator("#certificateNumber-error")).isVisible();
        page.locator("#certificateSeries").fill("iv-мю");
        page.locator("#certificateNumber")
                .fill(String.format(
                        "%06d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000)));
        page.locator("#child-submit").click();
        page.waitForURL("**/access/records?childRegistered");
        assertThat(page.locator("#children")).containsText("Родителев Петя");
        assertThat(page.locator("#record-switcher")).isVisible();

        page.navigate(url("/booking/doctors/" + doctor));
        page.locator("a.slot").first().click();
        page.locator("#patientId")
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Родителев Петя"));
        page.locator("#accept").check();
        page.locator("#book").click();
        page.waitForURL("**/appointments?booked");
        assertThat(page.locator("li.appointment[data-status='BOOKED']")).hasCount(1);
        screenshot("booked-for-child");

        var parent = identity.accounts().findPatients(parentPhone).get(0);
        var signedIn = new org.medkarta.identity.SignedInUser(
                parent.userId(),
                "Родитель",
                parent.patientId(),
                List.of(new org.medkarta.identity.RoleGrant(org.medkarta.identity.Role.PATIENT, null)),
                "SMS_CODE");
        var child = booking.representedBy(signedIn).get(0).patientId();
        assertThat(appointmentReading.appointments(signedIn, child, null)).hasSize(1);
        assertThat(appointmentReading.appointments(signedIn, null, null)).isEmpty();
    }

    private Registered register(String phone, String firstName) {
        return TestPatients.register(identity, "Доступов", firstName, null, phone, "1985-04-04");
    }

    /** A therapist with free slots in the coming days; their id. */
    private String bookableDoctor() {
        var platform = AccessSupport.PLATFORM;
        var clinic = TestClinics.register(clinics, "Клиника");
        var doctor = TestCare.invite(
                clinics, platform, clinic.id(), TestCare.NewDoctor.THERAPIST.named("Педиатров", "Иван", null));
        var service =
                TestCare.addService(clinics, platform, doctor, "Консультация", "therapist", "PRIMARY", 0L, "REGION");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));
        TestCare.openSchedule(
                scheduleTemplates,
                platform,
                doctor.id(),
                new TestCare.Hours("Дети", today, today.plusDays(10), "08:00", "19:00"),
                List.of(service.id().value().toString()));
        return doctor.id().value().toString();
    }
}
