package org.medkarta.payment;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.AppointmentChanges;
import org.medkarta.scheduling.Booking;
import org.medkarta.scheduling.ScheduleTemplates;
import org.medkarta.scheduling.SlotSearch;
import org.medkarta.testing.BrowserSupport;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Phones;
import org.medkarta.testing.TestCare;
import org.medkarta.testing.TestClinics;
import org.medkarta.testing.TestPatients;
import org.medkarta.testing.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A paid booking paid through the in-app test gateway's page, then cancelled by the clinic: the
 * refund shows to the patient and on the clinic's payments page (SPEC B8, issue 20).
 */
class PaymentBrowserIT extends BrowserSupport {

    @Autowired
    ClinicFacades clinics;

    @Autowired
    IdentityFacades identity;

    @Autowired
    ScheduleTemplates scheduleTemplates;

    @Autowired
    SlotSearch slotSearch;

    @Autowired
    Booking booking;

    @Autowired
    AppointmentChanges appointmentChanges;

    @Test
    void aPaidBookingIsPaidOnTheTestGatewayAndRefundedWhenTheClinicCancels() {
        var clinic = TestClinics.register(clinics, "Клиника медкомиссий").id();
        var doctor = TestCare.invite(clinics, TestClinics.PLATFORM, clinic, TestCare.NewDoctor.THERAPIST);
        TestCare.addService(
                clinics,
                TestClinics.PLATFORM,
                doctor,
                "Медицинская комиссия для водителей",
                "therapist",
                "PRIMARY",
                180_000L,
                "REGION");
        TestCare.openSchedule(scheduleTemplates, doctor.id());
        var account = TestPatients.register(identity, "Оплатова", "Ольга", null, Phones.unique(), "1985-04-05");
        var patient = new SignedInUser(
                account.userId(), "Ольга", account.patientId(), List.of(new RoleGrant(Role.PATIENT, null)), "SMS_CODE");
        var appointment = TestCare.appointment(slotSearch, booking, patient, doctor.id());

        page.navigate(url("/test/token-sign-in?token="
                + identity.tokens().tokensFor(patient).accessToken() + "&continue=/appointments"));
        page.locator("a.payment").click();
        page.waitForURL("**/appointments/" + appointment.id() + "/payment");
        assertThat(page.locator("#payment-state")).hasAttribute("data-state", "AWAITING_PAYMENT");
        assertThat(page.locator("#payment-amount")).containsText("800");
        screenshot("awaiting");
        page.locator("#pay").click();

        page.waitForURL("**/payments/test-gateway/**");
        assertThat(page.locator("#gateway-amount")).containsText("800");
        screenshot("gateway");
        page.locator("#gateway-pay").click();

        page.waitForURL("**/payments/*");
        assertThat(page.locator("#payment-state")).hasAttribute("data-state", "PAID");
        assertThat(page.locator("#receipt")).containsText("Медицинская комиссия для водителей");
        assertThat(page.locator("#receipt")).containsText("без НДС");
        screenshot("paid");

        appointmentChanges.cancel(TestCare.signedIn(doctor), appointment.id());
        // The refund follows the cancellation's commit on another thread.
        for (int i = 0;
                i < 100 && !"REFUNDED".equals(page.locator("#payment-state").getAttribute("data-state"));
                i++) {
            page.waitForTimeout(200);
            page.reload();
        }
        assertThat(page.locator("#payment-state")).hasAttribute("data-state", "REFUNDED");
        assertThat(page.locator("li.refund")).hasAttribute("data-status", "SUCCEEDED");
        assertThat(page.locator("li.refund")).containsText("клиника отменила приём");
        screenshot("refunded");

        var admin = browserContext().newPage();
        admin.navigate(url("/test/token-sign-in?token="
                + identity.tokens()
                        .tokensFor(TestStaff.administrator(identity, clinics, clinic))
                        .accessToken()
                + "&continue=/admin/clinics/" + clinic.value() + "/payments"));
        assertThat(admin.locator("tr.payment")).hasAttribute("data-state", "REFUNDED");
    }
}
