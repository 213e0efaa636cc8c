package org.medkarta.scheduling;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.notification.DevOutbox;
import org.medkarta.testing.BrowserSupport;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.IdentityFacades;
import org.springframework.beans.factory.annotation.Autowired;

/** The booking calendar (issue 13, item 6): days with free times marked, a day's times, and the way in from the catalogue. */
class BookingCalendarBrowserIT extends BrowserSupport {

    @Autowired
    ClinicFacades clinics;

    @Autowired
    IdentityFacades identity;

    @Autowired
    ScheduleTemplates scheduleTemplates;

    @Autowired
    SlotSearch slotSearch;

    @Autowired
    AppointmentReading appointmentReading;

    @Autowired
    DevOutbox outbox;

    @Test
    void aPatientPicksAMarkedDayByKeyboardAndBooksATimeOfThatDay() {
        var fixtures = new Fixtures(clinics, identity);
        var clinic = fixtures.clinic("Europe/Moscow");
        var doctor = fixtures.doctor(clinic, "therapist", "REGION");
        fixtures.openMornings(scheduleTemplates, clinic, doctor, "Календарь");
        var patient = fixtures.patient();
        signInByCode(page, outbox, patient.phone());

        page.navigate(url("/booking/doctors/" + doctor.id()));
        var free = page.locator("#calendar a.calendar-day.free");
        assertThat(page.locator("#calendar .calendar-day")).hasCount(SlotSearch.CALENDAR_DAYS);
        var chosen = free.nth(3);
        String date = chosen.getAttribute("data-date");
        int before = Integer.parseInt(chosen.getAttribute("data-free"));
        assertThat(before).isEqualTo(5);
        // The name a screen reader reads is the visible text with the words it needs added (WCAG 2.5.3).
        assertThat(chosen).not().hasAttribute("aria-label", java.util.regex.Pattern.compile(".*"));
        assertThat(chosen).hasAccessibleName(java.util.regex.Pattern.compile("\\d+ \\S+ свободных окон: 5$"));
        chosen.focus();
        page.keyboard().press("Enter");
        page.waitForURL("**date=" + date);
        assertThat(page.locator("#calendar a.calendar-day[aria-current='date']"))
                .hasAttribute("data-date", date);
        assertThat(page.locator("#day-slots")).hasAttribute("data-date", date);
        assertThat(page.locator("#day-slots a.slot")).hasCount(before);
        screenshot("calendar-day");

        page.locator("#day-slots a.slot").nth(1).click();
        page.locator("#accept").check();
        page.locator("#book").click();
        page.waitForURL("**/appointments?booked");

        var user = new SignedInUser(
                patient.account().userId(),
                "Patient",
                patient.account().patientId(),
                List.of(new RoleGrant(Role.PATIENT, null)),
                "SMS_CODE");
        var booked = appointmentReading.appointments(user, null, null);
        assertThat(booked).hasSize(1);
        assertThat(booked.get(0).start().atZone(clinic.zone()).toLocalDate()).isEqualTo(LocalDate.parse(date));

        page.navigate(url("/booking/doctors/" + doctor.id() + "?date=" + date));
        assertThat(page.locator("#calendar a.calendar-day[data-date='" + date + "']"))
                .hasAttribute("data-free", String.valueOf(before - 1));
        assertThat(page.locator("#day-slots a.slot")).hasCount(before - 1);
    }

    @Test
    void theDoctorsPublicPageHasABookButtonLeadingToThatDoctorsTimesPagedByTwoWeeks() {
        var fixtures = new Fixtures(clinics, identity);
        var clinic = fixtures.clinic("Europe/Moscow");
        var doctor = fixtures.doctor(clinic, "therapist", "REGION");
        fixtures.openMornings(scheduleTemplates, clinic, doctor, "Каталог");
        var patient = fixtures.patient();
        signInByCode(page, outbox, patient.phone());

        page.navigate(url("/doctors/" + doctor.id()));
        var book = page.locator("#book-doctor");
        assertThat(book).hasText("Записаться");
        book.click();
        page.waitForURL("**/booking/doctors/" + doctor.id());
        assertThat(page.locator("h1")).hasText(doctor.view().fullName());
        assertThat(page.locator("#day-slots a.slot").first()).isVisible();
        assertThat(page.locator("#calendar a.calendar-previous")).hasCount(0);

        // Paging: the next two weeks, and back.
        String first = page.locator("#calendar .calendar-day").first().getAttribute("data-date");
        page.locator("#calendar a.calendar-next").click();
        assertThat(page.locator("#calendar .calendar-day").first())
                .hasAttribute(
                        "data-date",
                        LocalDate.parse(first)
                                .plusDays(SlotSearch.CALENDAR_DAYS)
                                .toString());
        page.locator("#calendar a.calendar-previous").click();
        assertThat(page.locator("#calendar .calendar-day").first()).hasAttribute("data-date", first);

        // A service's button on the public page leads to the booking page of that service only.
        page.navigate(url("/doctors/" + doctor.id()));
        page.locator("#services a.book-service").first().click();
        page.waitForURL("**serviceId=" + doctor.service());
        assertThat(page.locator("#day-slots a.slot").first()).isVisible();
        for (var href : page.locator("#day-slots a.slot").all()) {
            assertThat(href.getAttribute("href")).contains("serviceId=" + doctor.service());
        }

        // By specialty, the day's times are grouped by doctor.
        String tomorrow = LocalDate.now(clinic.zone()).plusDays(1).toString();
        page.navigate(url("/booking?specialty=therapist&date=" + tomorrow));
        assertThat(page.locator("#day-slots .doctor-slots[data-doctor='" + doctor.id() + "'] h4"))
                .hasText(doctor.view().fullName());
    }
}
