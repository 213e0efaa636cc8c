package org.medkarta.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.TimeoutError;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medkarta.clinic.ServiceKind;
import org.medkarta.consultation.ConsultationDesk;
import org.medkarta.notification.DevOutbox;
import org.medkarta.scheduling.Booking;
import org.medkarta.scheduling.ScheduleTemplates;
import org.medkarta.scheduling.SlotSearch;
import org.medkarta.testing.BrowserSupport;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.MutableClock;
import org.medkarta.testing.Outbox;
import org.medkarta.testing.TestCare;
import org.medkarta.testing.TestClinics;
import org.medkarta.testing.TestConsultations;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The main journeys with the keyboard alone, no mouse (issue 22, SPEC J1): a patient signs in by
 * code, books and opens a result chart; a doctor signs in, takes a consultation and sends its
 * protocol. Each control is reached with Tab, shows its focus ({@code :focus-visible}) and is used
 * with Enter or Space; after each page change focus starts where the person reads on.
 */
class KeyboardJourneysBrowserIT extends BrowserSupport {

    @Autowired
    DevOutbox outbox;

    @Autowired
    IdentityFacades identity;

    @Autowired
    ClinicFacades clinics;

    @Autowired
    ScheduleTemplates scheduleTemplates;

    @Autowired
    SlotSearch slotSearch;

    @Autowired
    Booking booking;

    @Autowired
    ConsultationDesk consultationDesk;

    @Autowired
    MutableClock clock;

    @AfterEach
    void resetClock() {
        // Back to the real time, but a minute on: the demo patient's code was asked for at the
        // clock's time, and the next class signing them in must not be refused as asking again
        // within the minute a new code waits for (order 003).
        clock.reset();
        clock.advance(Duration.ofSeconds(61));
    }

    @Test
    void aPatientSignsInByCodeBooksAndOpensAResultChartByKeyboardAlone() {
        String phone = "+79990000001";
        clock.advance(Duration.ofSeconds(61));
        page.navigate(url("/sign-in"));
        tabTo("#phone");
        page.keyboard().type(phone);
        page.keyboard().press("Enter");
        // The code page answers the posted number.
        page.locator("#code").waitFor();
        tabTo("#code");
        assertThat(page.locator("#code")).hasAttribute("autocomplete", "one-time-code");
        assertThat(page.locator("#code")).hasAttribute("inputmode", "numeric");
        page.keyboard().type(Outbox.latestCode(outbox, phone));
        page.keyboard().press("Enter");
        assertThat(page.locator("#nav-profile")).isVisible();

        // A doctor of a clinic of its own with two weeks open from today: the journey does not depend on
        // which of the demo doctor's times the run's other tests took.
        var doctor = TestCare.doctor(
                clinics, TestClinics.register(clinics, "Клавиатурная").id());
        TestCare.openSchedule(scheduleTemplates, doctor.id());
        page.navigate(url("/booking/doctors/" + doctor.id().value()));
        // A day with free times is chosen in the calendar when the day shown has none left.
        if (page.locator("a.slot").count() == 0) {
            tabTo("a.calendar-day.free");
            page.keyboard().press("Enter");
            page.locator("a.slot").first().waitFor();
        }
        tabTo("a.slot");
        page.keyboard().press("Enter");
        page.waitForURL("**/booking/slots/**");
        tabTo("#accept");
        page.keyboard().press("Space");
        assertThat(page.locator("#accept")).isChecked();
        tabTo("#book");
        page.keyboard().press("Enter");
        // The doctor's own service is free: the booking lands on the patient's appointments (a paid
        // service leads on to paying instead, PaymentIT).
        page.waitForURL("**/appointments?booked");

        page.navigate(url("/record"));
        tabTo("#tab-labs");
        page.keyboard().press("Enter");
        page.waitForURL("**/labs**");
        // The first test's chart opens with the page; another is chosen with the arrow keys.
        assertThat(page.locator("#lab-chart")).hasAttribute("data-rendered", "true");
        tabTo("#lab-code");
        if (page.locator("#lab-code option").count() > 1) {
            page.keyboard().press("ArrowDown");
            page.waitForURL("**/labs?code=**");
        }
        assertThat(page.locator("#lab-chart")).hasAttribute("data-rendered", "true");
        // The chart's numbers are in a table beside it, for a screen reader and for print.
        assertThat(page.locator("#lab-table tbody tr.point").first()).isVisible();
        screenshot("lab-chart");
    }

    @Test
    void aDoctorTakesAConsultationAndSendsTheProtocolByKeyboardAlone() {
        var booked = TestConsultations.bookWithDemoDoctor(
                identity,
                clinics,
                slotSearch,
                booking,
                consultationDesk,
                clock,
                "Клавишин",
                ServiceKind.PRIMARY,
                "Головокружение");
        String id = booked.consultation().id().toString();
        // Ten minutes before the appointment, when the request may be taken (it may from 15 minutes before).
        clock.freezeAt(booked.consultation().start().minus(Duration.ofMinutes(10)));
        page.navigate(url("/staff/sign-in?continue=/consultations/" + id));
        tabTo("#email");
        page.keyboard().type("doctor@demo.medkarta.org");
        tabTo("#password");
        page.keyboard().type("Demo-doctor-1");
        page.keyboard().press("Enter");
        page.waitForURL(url("/consultations/" + id));

        tabTo("#take");
        page.keyboard().press("Enter");
        page.waitForURL("**?taken");
        assertThat(page.locator("#state")).hasText("В работе");

        tabTo("#protocol-anamnesis");
        page.keyboard().type("Головокружение по утрам две недели");
        tabTo("#protocol-recommendations");
        page.keyboard().type("Общий анализ крови; очный приём терапевта");
        tabTo("#send-protocol");
        page.keyboard().press("Enter");
        page.waitForURL("**?sent");
        assertThat(page.locator("#state")).hasText("Закрыто");
        assertThat(page.locator("#protocol-recommendations")).hasText("Общий анализ крови; очный приём терапевта");
    }

    /**
     * Presses Tab until the element is focused, as a person without a mouse moves through the page,
     * and sees its focus drawn.
     */
    private void tabTo(String selector) {
        var target = page.locator(selector).first();
        try {
            target.waitFor();
        } catch (TimeoutError e) {
            screenshot("no-" + selector.replaceAll("[^a-z]+", "-"));
            throw new AssertionError("no " + selector + " on " + page.url(), e);
        }
        for (int presses = 0; presses < 250; presses++) {
            if (Boolean.TRUE.equals(target.evaluate("e => e === document.activeElement"))) {
                assertThat((Boolean) target.evaluate("e => e.matches(':focus-visible')"))
                        .as(selector + " shows its focus")
                        .isTrue();
                String outline = String.valueOf(target.evaluate(
                        "e => { const s = getComputedStyle(e); return s.outlineStyle + ' ' + s.boxShadow; }"));
                assertThat(outline).as(selector + " draws a focus ring").isNotEqualTo("none none");
                return;
            }
            page.keyboard().press("Tab");
        }
        throw new AssertionError("Tab never reached " + selector + " on " + page.url());
    }
}
