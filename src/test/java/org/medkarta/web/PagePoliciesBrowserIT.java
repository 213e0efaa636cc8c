package org.medkarta.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.LoadState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.medkarta.conversation.ConversationRooms;
import org.medkarta.conversation.Member;
import org.medkarta.conversation.RoomId;
import org.medkarta.identity.ClientInfo;
import org.medkarta.notification.DevOutbox;
import org.medkarta.testing.BrowserSupport;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Phones;
import org.medkarta.testing.TestPatients;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The main pages of each role under the Content-Security-Policy (SPEC G1): nothing refused, no
 * script error, so no page silently lost its behaviour or looks. BrowserSupport fails a test on any
 * refusal; this walk also fails on any console or page error.
 *
 * <p>What it checks is the pages' markup, which does not depend on the database: it runs in the H2
 * run of {@code ./mvnw verify} (and so in {@code .ci/run}), not again on PostgreSQL.
 */
@DisabledIfSystemProperty(named = "medkarta.test.database", matches = "postgres")
class PagePoliciesBrowserIT extends BrowserSupport {

    @Autowired
    IdentityFacades identity;

    @Autowired
    ConversationRooms conversationRooms;

    @Autowired
    DevOutbox outbox;

    private final List<String> errors = new ArrayList<>();

    @BeforeEach
    void watchErrors() {
        // A failed load is told by its response below, with its address (the console leaves that out).
        page.onConsoleMessage(message -> {
            if (message.type().equals("error") && !message.text().startsWith("Failed to load resource")) {
                errors.add(page.url() + ": " + message.text());
            }
        });
        page.onResponse(response -> {
            // Chromium asks every site for an icon; Medkarta has none.
            if (response.status() >= 400 && !response.url().endsWith("/favicon.ico")) {
                errors.add(page.url() + ": " + response.status() + " " + response.url());
            }
        });
        page.onPageError(error -> errors.add(page.url() + ": " + error));
    }

    /** Opens each path and sees it load with all its scripts run and nothing refused. */
    private void walk(String... paths) {
        for (String path : paths) {
            var response = page.navigate(url(path));
            assertThat(response.status()).as(path).isLessThan(400);
            page.waitForLoadState(LoadState.NETWORKIDLE);
        }
        assertThat(errors).isEmpty();
        assertThat(policyViolations()).isEmpty();
    }

    private void staff(String email, String password, String first) {
        page.navigate(url("/test/staff-sign-in?email=" + email + "&password=" + password + "&continue=" + first));
    }

    @Test
    void theSignInRegistrationAndPublicPagesRunUnderThePolicy() {
        walk("/", "/sign-in", "/register", "/staff/sign-in", "/password/reset", "/clinics", "/doctors", "/help");
        // The sign-in by code, end to end: its form, the code page, the redirect home.
        String phone = Phones.unique();
        TestPatients.register(identity, "Политикова", "Вера", null, phone, "1990-01-02");
        signInByCode(page, outbox, phone);
        assertThat(errors).isEmpty();
    }

    @Test
    void aPatientsBookingRecordAccessAndChatPagesRunUnderThePolicy() {
        String phone = Phones.unique();
        var patient = TestPatients.register(identity, "Политикова", "Анна", null, phone, "1985-05-06");
        var doctor = identity.signIn()
                .signInWithPassword(
                        "doctor@demo.medkarta.org",
                        "Demo-doctor-1",
                        null,
                        new ClientInfo("127.0.0.1", "browser-test"),
                        "http://localhost",
                        Locale.ENGLISH);
        var room = new RoomId(UUID.randomUUID());
        conversationRooms.open(
                room,
                "Консультация",
                List.of(
                        new Member(patient.userId(), "PATIENT", "Анна Политикова"),
                        new Member(doctor.userId(), "DOCTOR", "Иван Петров")));
        signInByCode(page, outbox, phone);

        walk(
                "/booking",
                "/appointments",
                "/consultations",
                "/access/grants",
                "/access/records",
                "/profile",
                "/security",
                "/notices",
                "/device-check");
        String record = patient.patientId().value().toString();
        walk(
                "/record/" + record,
                "/record/" + record + "/labs",
                "/record/" + record + "/diary",
                "/record/" + record + "/uploads",
                "/record/" + record + "/contacts");
        page.navigate(url("/booking"));
        var doctorLink = page.locator("a.doctor").first();
        if (doctorLink.count() > 0) {
            walk(doctorLink.getAttribute("href"));
        }

        // The chat and call panel connects its WebSocket: connect-src lets it.
        walk("/conversations/" + room.value());
        assertThat(page.locator(".conversation-panel")).hasAttribute("data-link", "live");
        assertThat(errors).isEmpty();
    }

    @Test
    void aDoctorsSchedulePatientsAndRecordPagesRunUnderThePolicy() {
        staff("doctor@demo.medkarta.org", "Demo-doctor-1", "/schedule");
        page.waitForURL("**/schedule/doctors/**");
        walk(
                "/schedule",
                "/schedule/patients",
                "/consultations",
                "/record/verification",
                "/record/alerts",
                "/access/emergency",
                "/profile",
                "/security",
                "/notices");
    }

    @Test
    void aClinicAdministratorsPagesRunUnderThePolicy() {
        staff("clinic@demo.medkarta.org", "Demo-clinic-1", "/admin/clinics");
        var clinic = page.locator("a[href^='/admin/clinics/']:not([href='/admin/clinics/new'])")
                .first()
                .getAttribute("href");
        String base = clinic.replaceAll("^(/admin/clinics/[^/?#]+).*", "$1");
        walk(
                "/admin/clinics",
                base,
                base + "/doctors",
                base + "/services",
                base + "/attachments",
                "/admin/guardianships",
                "/support/queue",
                "/schedule");
    }

    @Test
    void aPlatformAdministratorsPagesRunUnderThePolicy() {
        staff("admin@demo.medkarta.org", "Demo-admin-1", "/admin/clinics");
        walk("/admin/clinics", "/admin/clinics/new", "/admin/audit", "/admin/terminology", "/dev/outbox");
    }

    @Test
    void theApiExplorerRunsUnderThePolicyWithItsInlineStylesOnly() {
        page.navigate(url("/swagger-ui/index.html"));
        // The document is generated on its first request, which takes a while on a busy machine.
        assertThat(page.locator(".swagger-ui .info .title"))
                .isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                        .setTimeout(60_000));
        assertThat(page.locator(".swagger-ui .opblock").first()).isVisible();
        assertThat(errors).isEmpty();
    }
}
