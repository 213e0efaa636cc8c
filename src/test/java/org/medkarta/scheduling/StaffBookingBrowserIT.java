package org.medkarta.scheduling;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.medkarta.notification.DevOutbox;
import org.medkarta.testing.BrowserSupport;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Outbox;
import org.medkarta.testing.Phones;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Staff at the schedule page (SPEC C1, C2, C6): a patient with no record gets one on the spot and is
 * booked; a template edit that would drop the booking is confirmed; policies are kept on the
 * patient's page; the clinic's administrator sets how far ahead booking opens.
 */
class StaffBookingBrowserIT extends BrowserSupport {

    private static final String PASSWORD = "Doctor-test-1";

    @Autowired
    ClinicFacades clinics;

    @Autowired
    IdentityFacades identity;

    @Autowired
    ScheduleTemplates scheduleTemplates;

    @Autowired
    DoctorSchedules doctorSchedules;

    @Autowired
    DevOutbox outbox;

    @Test
    void aDoctorCreatesARecordBooksItThenConfirmsATemplateChangeThatCancelsTheBooking() {
        var fixtures = new Fixtures(clinics, identity);
        var clinic = fixtures.clinic("Europe/Moscow");
        var doctor = fixtures.doctor(clinic, "therapist", "REGION");
        LocalDate today = LocalDate.now(clinic.zone());
        var template = fixtures.openMornings(scheduleTemplates, clinic, doctor, "Утро");
        String link = Outbox.latestLink(outbox, doctor.view().email());
        identity.staff().setPassword(link.substring(link.indexOf("token=") + 6), PASSWORD);

        page.navigate(url("/test/staff-sign-in?email=" + doctor.view().email() + "&password=" + PASSWORD
                + "&continue=/schedule"));
        page.waitForURL("**/schedule/doctors/**");
        String phone = Phones.unique();
        page.locator("#find-query").fill(phone);
        page.locator("#find-patient").click();
        assertThat(page.locator("#no-patient")).isVisible();
        page.locator("#lastName").fill("Новикова");
        page.locator("#firstName").fill("Анна");
        page.locator("#birthDate").fill("1990-05-17");
        page.locator("#sex").selectOption("FEMALE");
        page.locator("#omsNumber").fill("12345");
        page.locator("#create-patient").click();
        assertThat(page.locator("#omsNumber-error")).isVisible();
        assertThat(page.locator("#lastName")).hasValue("Новикова");
        page.locator("#omsNumber").fill("7700 0000 0000 4242");
        page.locator("#create-patient").click();
        page.waitForURL("**created**");
        assertThat(page.locator("#patient-created")).isVisible();
        assertThat(page.locator(".found-patient")).hasCount(1);
        assertThat(page.locator(".found-patient .policy")).containsText("7700000000004242");
        page.locator("#book-patient").click();
        assertThat(page.locator("#schedule-error")).isVisible();
        page.locator("#patient-accepts").check();
        page.locator("#book-patient").click();
        page.waitForURL("**booked");
        screenshot("booked-for-new-record");

        page.locator("a.edit-template").first().click();
        page.waitForURL("**/edit");
        page.locator("#firstStart").fill("15:00");
        page.locator("#lastStart").fill("16:00");
        page.locator("#save-template").click();
        assertThat(page.locator("#template-error")).isVisible();
        assertThat(page.locator("#firstStart")).hasValue("15:00");
        screenshot("template-change-to-confirm");
        page.locator("#confirm-change").click();
        page.waitForURL("**saved");
        var zone = clinic.zone();
        assertThat(doctorSchedules.doctorAppointments(
                        Fixtures.PLATFORM,
                        doctor.view().id(),
                        today.atStartOfDay(zone).toInstant(),
                        today.plusDays(31).atStartOfDay(zone).toInstant()))
                .isEmpty();
        assertThat(scheduleTemplates.template(Fixtures.PLATFORM, template.id()).firstStart())
                .hasToString("15:00");

        // Policies are the clinic registry's to keep (issue 12): its registrar signs in and adds one.
        String registrar = "reg-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.ru";
        identity.staff()
                .invite(
                        registrar,
                        "Регистраторова",
                        "Вера",
                        null,
                        org.medkarta.identity.Role.REGISTRAR,
                        clinic.id(),
                        "http://localhost",
                        java.util.Locale.ENGLISH);
        String invitation = Outbox.latestLink(outbox, registrar);
        identity.staff().setPassword(invitation.substring(invitation.indexOf("token=") + 6), PASSWORD);
        page.navigate(url("/test/staff-sign-in?email=" + registrar + "&password=" + PASSWORD + "&continue="
                + java.net.URLEncoder.encode(
                        "/schedule/patients?query=" + phone, java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(page.locator(".found-patient")).hasCount(1);
        page.locator(".found-patient a").click();
        assertThat(page.locator("li.policy")).hasCount(1);
        page.locator("#kind").selectOption("DMS");
        page.locator("#number").fill("1");
        page.locator("#add-policy").click();
        assertThat(page.locator("#number-error")).isVisible();
        page.locator("#number").fill("ДМС-77/1");
        page.locator("#insurer").fill("Ингосстрах");
        page.locator("#add-policy").click();
        page.waitForURL("**saved");
        assertThat(page.locator("li.policy")).hasCount(2);
        screenshot("patient-policies");

        // The SNILS too: a wrong checksum and one another record holds are refused beside the field.
        page.locator("#snils").fill("123");
        page.locator("#save-snils").click();
        assertThat(page.locator("#snils-error")).isVisible();
        page.locator("#snils").fill("987-654-321 83");
        page.locator("#save-snils").click();
        assertThat(page.locator("#snils-error")).containsText("СНИЛС");
        String snils = org.medkarta.testing.Identifiers.snils();
        page.locator("#snils").fill(snils);
        page.locator("#save-snils").click();
        page.waitForURL("**saved");
        assertThat(page.locator("#patient-snils")).hasText(snils);
    }

    @Test
    void theClinicsAdministratorSetsHowFarAheadBookingOpens() {
        page.navigate(
                url("/test/staff-sign-in?email=clinic@demo.medkarta.org&password=Demo-clinic-1&continue=/schedule"));
        page.waitForURL("**/schedule**");
        if (!page.url().contains("/schedule/doctors/")) {
            page.locator("a[href^='/schedule/doctors/']").first().click();
        }
        page.locator("#horizonDays").fill("0");
        page.locator("#save-horizon").click();
        assertThat(page.locator("#horizonDays-error")).isVisible();
        page.locator("#horizonDays").fill("21");
        page.locator("#save-horizon").click();
        page.waitForURL("**saved");
        assertThat(page.locator("#horizon-days")).containsText("21");
        page.locator("#horizonDays").fill("14");
        page.locator("#save-horizon").click();
        page.waitForURL("**saved");
        assertThat(page.locator("#horizon-days")).containsText("14");
    }
}
