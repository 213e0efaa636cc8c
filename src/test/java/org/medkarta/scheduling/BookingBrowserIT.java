package org.medkarta.scheduling;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.medkarta.notification.DevOutbox;
import org.medkarta.testing.BrowserSupport;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.IdentityFacades;
import org.springframework.beans.factory.annotation.Autowired;

/** What a patient and a doctor do on the booking and schedule pages. */
class BookingBrowserIT extends BrowserSupport {

    @Autowired
    ClinicFacades clinics;

    @Autowired
    IdentityFacades identity;

    @Autowired
    ScheduleTemplates scheduleTemplates;

    @Autowired
    DevOutbox outbox;

    @Test
    void aPatientBooksAcceptingTheDocumentsThenReschedulesAndCancels() {
        var fixtures = new Fixtures(clinics, identity);
        var clinic = fixtures.clinic("Europe/Moscow");
        var doctor = fixtures.doctor(clinic, "therapist", "REGION");
        fixtures.openMornings(scheduleTemplates, clinic, doctor, "Браузер");
        var patient = fixtures.patient();

        signInByCode(page, outbox, patient.phone());

        page.navigate(url("/booking?specialty=therapist&q=" + doctor.view().lastName()));
        page.locator("a.doctor[href='/booking/doctors/" + doctor.id() + "']").click();
        page.locator("a.slot").first().click();
        assertThat(page.locator("#documents")).isVisible();
        // The time zone reads as a place and its offset, never as an IANA identifier (issue 13).
        assertThat(page.locator("#when")).containsText("UTC");
        assertThat(page.locator("#when")).not().containsText("/");
        page.locator("#book").click();
        assertThat(page.locator("#booking-error")).isVisible();
        page.locator("#accept").check();
        page.locator("#complaint").fill("Кашель третий день");
        page.locator("#book").click();
        page.waitForURL("**/appointments?booked");
        assertThat(page.locator("#booked")).isVisible();
        var appointment = page.locator("li.appointment[data-status='BOOKED']");
        assertThat(appointment).hasCount(1);
        String before = appointment.locator(".when").textContent();
        screenshot("booked");

        appointment.locator("a.reschedule").click();
        page.locator("button.slot").nth(2).click();
        page.waitForURL("**/appointments?moved");
        var moved = page.locator("li.appointment[data-status='BOOKED']");
        assertThat(moved).hasCount(1);
        assertThat(moved.locator(".when").textContent()).isNotEqualTo(before);

        var download = page.waitForDownload(() -> moved.locator("a.ics").click());
        assertThat(download.suggestedFilename()).endsWith(".ics");

        moved.locator("button.cancel").click();
        confirm(page);
        page.waitForURL("**/appointments?cancelled");
        assertThat(page.locator("li.appointment[data-status='BOOKED']")).hasCount(0);
        assertThat(page.locator("li.appointment[data-status='CANCELLED']")).hasCount(1);
        screenshot("cancelled");
    }

    @Test
    void cancellingAnAppointmentAsksFirstAndOnlyConfirmingCancelsItByKeyboard() {
        var fixtures = new Fixtures(clinics, identity);
        var clinic = fixtures.clinic("Europe/Moscow");
        var doctor = fixtures.doctor(clinic, "therapist", "REGION");
        fixtures.openMornings(scheduleTemplates, clinic, doctor, "Отмена");
        var patient = fixtures.patient();
        signInByCode(page, outbox, patient.phone());
        page.navigate(url("/booking/doctors/" + doctor.id()));
        page.locator("a.slot").first().click();
        page.locator("#accept").check();
        page.locator("#book").click();
        page.waitForURL("**/appointments?booked");
        var booked = page.locator("li.appointment[data-status='BOOKED']");
        var cancel = booked.locator("button.cancel");
        var dialog = page.locator("#confirm-dialog");

        // Escape dismisses: nothing is sent, focus returns to the button.
        cancel.focus();
        page.keyboard().press("Enter");
        assertThat(dialog).isVisible();
        assertThat(dialog.locator(".confirm-message")).containsText("Отменить запись на");
        assertThat(dialog.locator(".confirm-keep")).isFocused();
        page.keyboard().press("Escape");
        assertThat(dialog).isHidden();
        assertThat(cancel).isFocused();
        // Enter on the button that keeps it, where focus starts, dismisses too.
        page.keyboard().press("Enter");
        assertThat(dialog).isVisible();
        page.keyboard().press("Enter");
        assertThat(dialog).isHidden();
        page.reload();
        assertThat(booked).hasCount(1);
        assertThat(page.locator("li.appointment[data-status='CANCELLED']")).hasCount(0);

        // In English the question is asked in English.
        page.navigate(url("/appointments?lang=en"));
        cancel.focus();
        page.keyboard().press("Enter");
        assertThat(dialog.locator(".confirm-message")).containsText("Cancel the appointment on");
        assertThat(dialog.locator(".confirm-accept")).hasText("Cancel the appointment");
        screenshot("confirm-cancel");
        // Tab to the confirm button and Enter: the appointment is cancelled.
        page.keyboard().press("Tab");
        assertThat(dialog.locator(".confirm-accept")).isFocused();
        page.keyboard().press("Enter");
        page.waitForURL("**/appointments?cancelled");
        assertThat(page.locator("li.appointment[data-status='BOOKED']")).hasCount(0);
        assertThat(page.locator("li.appointment[data-status='CANCELLED']")).hasCount(1);
    }

    @Test
    void aDoctorAddsATemplateAndSeesTheWeek() {
        page.navigate(
                url("/test/staff-sign-in?email=doctor@demo.medkarta.org&password=Demo-doctor-1&continue=/schedule"));
        page.waitForURL("**/schedule/doctors/**");
        assertThat(page.locator("li.template")).not().hasCount(0);
        LocalDate today = LocalDate.now();
        page.locator("#name").fill("Вечерний приём");
        page.locator("#validFrom").fill(today.toString());
        page.locator("#validTo").fill(today.plusDays(20).toString());
        page.locator("#firstStart").fill("19:00");
        page.locator("#lastStart").fill("20:00");
        page.locator("#slotMinutes").fill("20");
        page.locator("#save-template").click();
        page.waitForURL("**saved");
        assertThat(page.locator(
                        "li.template", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Вечерний приём")))
                .hasCount(1);
        assertThat(page.locator(".calendar-day")).hasCount(7);
        // Next week lies wholly inside the template and in the future, whatever day and hour the test
        // runs (on a Sunday evening this week's 19:00-20:00 slots are already past).
        page.locator("#next").click();
        page.waitForURL("**date=**");
        assertThat(page.locator(".calendar-day")).hasCount(7);
        assertThat(page.locator(".calendar-slot[data-status='FREE']")).not().hasCount(0);
        page.locator("#view-day").click();
        assertThat(page.locator(".calendar-day")).hasCount(1);
        screenshot("schedule");
    }
}
