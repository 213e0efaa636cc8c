package org.medkarta.consultation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medkarta.clinic.ServiceFormat;
import org.medkarta.clinic.ServiceKind;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.notification.DevOutbox;
import org.medkarta.scheduling.Booking;
import org.medkarta.scheduling.BookingRequest;
import org.medkarta.scheduling.SlotQuery;
import org.medkarta.scheduling.SlotSearch;
import org.medkarta.testing.BrowserSupport;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.MutableClock;
import org.medkarta.testing.Phones;
import org.medkarta.testing.TelephonyStandIn;
import org.medkarta.testing.TestCare;
import org.medkarta.testing.TestPatients;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * «Позвонить пациенту» as the doctor does it (SPEC D6): the phone for calls entered on the profile,
 * the button on the consultation in work, the stand-in gateway receiving the click-to-call request
 * and sending its webhooks back, and the page showing the phone call with its duration.
 */
class PhoneCallBrowserIT extends BrowserSupport {

    @Autowired
    ClinicFacades clinics;

    @Autowired
    IdentityFacades identity;

    @Autowired
    SlotSearch slotSearch;

    @Autowired
    Booking booking;

    @Autowired
    ConsultationDesk consultationDesk;

    @Autowired
    DevOutbox outbox;

    @Autowired
    MutableClock clock;

    BrowserContext doctorContext;

    @AfterEach
    void resetClock() {
        clock.reset();
        if (doctorContext != null) {
            doctorContext.close();
        }
    }

    @Test
    void theDoctorCallsThePatientsPhoneAndThePageShowsTheCallWithItsDuration() {
        String patientPhone = Phones.unique();
        var account = TestPatients.register(identity, "Телефонов", "Глеб", "Ильич", patientPhone, "1970-03-04");
        var patient = new SignedInUser(
                account.userId(),
                "Телефонов",
                account.patientId(),
                List.of(new RoleGrant(Role.PATIENT, null)),
                "SMS_CODE");
        var consultation = bookWithDemoDoctor(patient);
        String id = consultation.id().toString();

        doctorContext = browserContext();
        var doctor = doctorContext.newPage();
        doctor.navigate(
                url("/test/staff-sign-in?email=doctor@demo.medkarta.org&password=Demo-doctor-1&continue=/profile"));
        doctor.waitForURL("**/profile");
        doctor.locator("#call-phone-input").fill("12345");
        doctor.locator("#save-call-phone").click();
        assertThat(doctor.locator("#call-phone-error")).isVisible();
        String doctorPhone = Phones.unique();
        doctor.locator("#call-phone-input").fill("8 " + doctorPhone.substring(2));
        doctor.locator("#save-call-phone").click();
        assertThat(doctor.locator("#call-phone-saved")).isVisible();
        assertThat(doctor.locator("#call-phone-input")).hasValue(doctorPhone);

        clock.freezeAt(consultation.start().minus(Duration.ofMinutes(10)));
        doctor.navigate(url("/consultations/" + id));
        assertThat(doctor.locator("#phone-call-button")).hasCount(0);
        doctor.locator("#take").click();
        doctor.waitForURL("**?taken");
        assertThat(doctor.locator("#phone-call-button")).hasText("Позвонить пациенту");
        assertThat(doctor.locator("#phone-call-no-phone")).hasCount(0);

        doctor.locator("#phone-call-button").click();
        doctor.waitForURL("**?phoning**");
        assertThat(doctor.locator("#phone-call-status")).hasText("Звонок на телефон: соединяем…");
        var dialled = TelephonyStandIn.dialledTo(port).stream()
                .filter(call -> call.to().equals(patientPhone))
                .findFirst()
                .orElseThrow();
        assertThat(dialled.from()).isEqualTo(doctorPhone);
        assertThat(doctor.content()).doesNotContain(patientPhone);

        // A second click while it rings: the refusal in place of the button, nothing sent.
        doctor.locator("#phone-call-button").click();
        assertThat(doctor.locator("#phone-call-error")).containsText("уже идёт");
        assertThat(TelephonyStandIn.dialledTo(port).stream()
                        .filter(call -> call.to().equals(patientPhone))
                        .count())
                .isEqualTo(1);

        Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        TelephonyStandIn.report(dialled, "ringing", at.plusSeconds(2), null);
        TelephonyStandIn.report(dialled, "completed", at.plusSeconds(140), 125);
        TelephonyStandIn.report(dialled, "answered", at.plusSeconds(15), null);
        TelephonyStandIn.report(dialled, "answered", at.plusSeconds(15), null);

        // No reload: the status line follows the gateway and the page shows the call once it is over.
        assertThat(doctor.locator("#calls li.call"))
                .hasCount(
                        1,
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(15_000));
        assertThat(doctor.locator("#phone-call-status")).hasText("Звонок на телефон завершён");
        assertThat(doctor.locator("#calls li.call")).hasCount(1);
        assertThat(doctor.locator("#calls li.call")).containsText("Звонок на телефон");
        assertThat(doctor.locator("#calls li.call")).containsText("(2 мин 5 с)");
        assertThat(doctor.content()).doesNotContain(patientPhone).doesNotContain(doctorPhone);
        doctor.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions()
                .setPath(java.nio.file.Path.of("target/screenshots/PhoneCallBrowserIT-doctor-phone-call.png"))
                .setFullPage(true));

        signInByCode(page, outbox, patientPhone);
        page.navigate(url("/consultations/" + id));
        assertThat(page.locator("#calls li.call")).containsText("(2 мин 5 с)");
        assertThat(page.locator("#phone-call-button")).hasCount(0);
        assertThat(page.locator("#phone-call-status")).hasCount(0);
        assertThat(page.content()).doesNotContain(doctorPhone);
        screenshot("patient-phone-call");
    }

    /** Books the demo therapist by video for the patient and waits for the request to open. */
    private ConsultationView bookWithDemoDoctor(SignedInUser patient) {
        var doctor = TestCare.demoDoctor(clinics);
        var service = clinics.catalogue().servicesOf(doctor.id()).stream()
                .filter(s -> s.format() == ServiceFormat.VIDEO && s.kind() == ServiceKind.PRIMARY)
                .findFirst()
                .orElseThrow();
        var slot = slotSearch
                .search(
                        patient,
                        new SlotQuery(
                                doctor.id(),
                                null,
                                null,
                                ServiceFormat.VIDEO,
                                clock.instant().plus(Duration.ofDays(3)),
                                null,
                                50))
                .stream()
                .filter(s -> s.serviceId().equals(service.id().value()))
                .findFirst()
                .orElseThrow();
        var appointment = booking.book(
                patient, new BookingRequest(slot.slotId(), null, slot.serviceId(), null, "Одышка", true), "test");
        long until = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < until) {
            var found = consultationDesk.desk(patient, ConsultationState.NEW, DeskFilter.NONE).stream()
                    .filter(c -> c.appointmentId().equals(appointment.id()))
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no consultation opened");
    }
}
