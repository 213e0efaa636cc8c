package org.medkarta.scheduling;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.medkarta.identity.SignedInUser;
import org.medkarta.notification.DevOutbox;
import org.medkarta.shared.ClinicCare;
import org.medkarta.testing.BrowserSupport;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Outbox;
import org.medkarta.testing.TestStaff;
import org.springframework.beans.factory.annotation.Autowired;

/** What a patient, a doctor on duty, the waiting-room screen and the clinic's staff see of the walk-in queue (SPEC C9). */
class WalkInBrowserIT extends BrowserSupport {

    private static final LocatorAssertions.ContainsTextOptions SOON =
            new LocatorAssertions.ContainsTextOptions().setTimeout(15_000);

    @Autowired
    ClinicFacades clinics;

    @Autowired
    IdentityFacades identity;

    @Autowired
    WalkInQueues walkIns;

    @Autowired
    ClinicCare care;

    @Autowired
    DevOutbox outbox;

    @Test
    void aPatientTakesATicketOnAPhoneTheBoardShowsItCalledAndThePatientIsCalledToTheRoom() {
        var fixtures = new Fixtures(clinics, identity);
        var clinic = fixtures.clinic("Europe/Moscow");
        var doctor = fixtures.doctor(clinic, "therapist", "REGION");
        var queue = open(clinic, doctor);
        var patient = fixtures.patient();

        signInByCode(page, outbox, patient.phone());
        Page phone = phone();
        phone.navigate(url("/walk-in"));
        phone.locator(".walk-in-queue[data-id='" + queue.id() + "'] .take-ticket")
                .click();
        phone.waitForURL("**/walk-in/tickets/**");
        assertThat(phone.locator("#ticket-number")).hasText("Т-001");
        assertThat(phone.locator("#ticket-waiting")).containsText("15");
        screenshot("ticket");

        Page board = browserContext().newPage();
        board.navigate(url("/walk-in/board/" + queue.id()));
        assertThat(board.locator("#board-empty")).isVisible();
        assertThat(board.locator("#board-waiting")).hasText("1");
        // Live over STOMP without signing in: the poll stops once the topic is subscribed.
        assertThat(board.locator("#walk-in-board[data-live='stomp']")).hasCount(1);

        Page desk = browserContext().newPage();
        desk.navigate(url("/test/token-sign-in?token=" + doctor.token() + "&continue=/walk-in/desk"));
        var mine = desk.locator(".walk-in-desk[data-queue='" + queue.id() + "']");
        mine.locator(".call-next").click();
        assertThat(mine.locator(".current-patient")).containsText("Т-001");
        assertThat(mine.locator(".current-patient")).containsText("Пациентов");

        assertThat(board.locator("#board-lines .board-number").first())
                .hasText(
                        "Т-001",
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(15_000));
        assertThat(board.locator("#board-lines .board-room").first()).hasText("12");
        assertThat(board.locator("#walk-in-board")).not().containsText("Пациентов");
        assertThat(phone.locator("#ticket-called"))
                .containsText(Pattern.compile("вас вызывают в кабинет 12", Pattern.CASE_INSENSITIVE), SOON);
        screenshot("called");

        mine.locator(".finish-visit").click();
        assertThat(mine.locator(".call-next")).isVisible();
        assertThat(phone.locator("#ticket-done")).containsText("Приём завершён", SOON);
    }

    @Test
    void aKioskTakesATicketByAnSmsCodeAndTheRegistryDeskForAPatientOfTheClinic() {
        var fixtures = new Fixtures(clinics, identity);
        var clinic = fixtures.clinic("Europe/Moscow");
        var doctor = fixtures.doctor(clinic, "therapist", "REGION");
        var admin = TestStaff.administrator(identity, clinics, clinic.id());

        // The administrator opens the queue on their page.
        page.navigate(url("/test/token-sign-in?token="
                + identity.tokens().tokensFor(admin).accessToken() + "&continue=/walk-in/admin?clinic="
                + clinic.id().value()));
        page.locator("#name").fill("Дежурный терапевт");
        page.locator("#room").fill("7");
        page.locator("#opensAt").fill("00:00");
        page.locator("#closesAt").fill("23:59");
        page.locator("#open-queue").click();
        assertThat(page.locator("#doctorIds-error")).isVisible();
        page.locator("#doctor-" + doctor.id()).check();
        page.locator("#open-queue").click();
        assertThat(page.locator("#queue-opened")).isVisible();
        String queue = page.locator(".admin-queue").first().getAttribute("data-id");

        // A patient at the kiosk: a wrong policy is refused in place, then the SMS code.
        var patient = fixtures.patient();
        Page kiosk = browserContext().newPage();
        kiosk.navigate(url("/walk-in/kiosk/" + queue));
        kiosk.locator("#policy").fill("1234");
        kiosk.locator("#birthDate").fill("1980-01-02");
        kiosk.locator("#kiosk-take-by-policy").click();
        assertThat(kiosk.locator("#policy-error")).isVisible();
        kiosk.locator("#phone").fill(patient.phone());
        kiosk.locator("#kiosk-send-code").click();
        kiosk.locator("#code").fill(Outbox.latestCode(outbox, patient.phone()));
        kiosk.locator("#kiosk-take-by-code").click();
        assertThat(kiosk.locator("#kiosk-number")).hasText("Т-001");

        // The registry desk takes one for a patient the clinic's registry keeps, marked privileged.
        SignedInUser registrar = TestStaff.registrar(identity, clinic.id());
        var other = fixtures.patient();
        care.registered(registrar.userId(), other.account().patientId());
        Page registry = browserContext().newPage();
        registry.navigate(url("/test/token-sign-in?token="
                + identity.tokens().tokensFor(registrar).accessToken() + "&continue=/walk-in/registry"));
        registry.locator("#query").fill(other.phone());
        registry.locator("#registry-search button").click();
        registry.locator(".registry-patient .take-for-patient").click();
        assertThat(registry.locator("#taken-number")).hasText("Т-002");

        // The head's live view counts both.
        page.navigate(url("/walk-in/load?clinic=" + clinic.id().value()));
        assertThat(page.locator(".load-row .load-waiting").first()).hasText("2");
    }

    private WalkInQueueView open(Fixtures.TestClinic clinic, Fixtures.TestDoctor doctor) {
        var admin = TestStaff.administrator(identity, clinics, clinic.id());
        return walkIns.open(
                admin,
                clinic.id(),
                new WalkInQueueForm(
                        "Дежурный терапевт",
                        "therapist",
                        "12",
                        LocalDate.now(clinic.zone()).toString(),
                        "00:00",
                        "23:59",
                        List.of(doctor.id())));
    }
}
