package org.medkarta.consultation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medkarta.clinic.ServiceKind;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.notification.DevOutbox;
import org.medkarta.scheduling.Booking;
import org.medkarta.scheduling.ScheduleTemplates;
import org.medkarta.scheduling.SlotSearch;
import org.medkarta.testing.BrowserSupport;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.MutableClock;
import org.medkarta.testing.Phones;
import org.medkarta.testing.TestCare;
import org.medkarta.testing.TestConsultations;
import org.medkarta.testing.TestConsultations.Booked;
import org.medkarta.testing.TestPatients;
import org.springframework.beans.factory.annotation.Autowired;

/** What the demo doctor and a patient do on the desk and the consultation page. */
class ConsultationBrowserIT extends BrowserSupport {

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

    /** A new patient booked with the demo therapist by video; waits for the request to open. */
    Booked bookWithDemoDoctor(ServiceKind kind) {
        return TestConsultations.bookWithDemoDoctor(
                identity,
                clinics,
                slotSearch,
                booking,
                consultationDesk,
                clock,
                "Браузеров",
                kind,
                "Головокружение по утрам");
    }

    void signInPatient(Page on, String phone) {
        signInByCode(on, outbox, phone);
    }

    Page signInDemoDoctor(String next) {
        doctorContext = browserContext();
        Page doctor = doctorContext.newPage();
        doctor.navigate(
                url("/test/staff-sign-in?email=doctor@demo.medkarta.org&password=Demo-doctor-1&continue=" + next));
        return doctor;
    }

    @Test
    void theDoctorTakesTheRequestWhenItOpensAndSendsAProtocolThePatientDownloadsAsPdf() throws Exception {
        var booked = bookWithDemoDoctor(ServiceKind.PRIMARY);
        String id = booked.consultation().id().toString();
        Instant start = booked.consultation().start();

        signInPatient(page, booked.phone());
        page.locator("#nav-consultations").click();
        page.locator("li.consultation[data-id='" + id + "'] a").click();
        assertThat(page.locator("#request-question")).isVisible();
        assertThat(page.locator("#request-complaints")).hasValue("Головокружение по утрам");
        page.locator("#request-question").fill("Нужно ли сдать анализы?");
        page.locator("#save-request").click();
        page.waitForURL("**?described");
        assertThat(page.locator("#take")).hasCount(0);
        screenshot("patient-request");

        Page doctor = signInDemoDoctor("/consultations");
        doctor.waitForURL("**/consultations");
        assertThat(doctor.locator("#tab-NEW .count")).not().hasText("0");
        doctor.locator("#patient").fill("браузеров");
        doctor.locator("#filter").click();
        assertThat(doctor.locator("#consultations li.consultation[data-id='" + id + "']"))
                .hasCount(1);
        doctor.locator("li.consultation[data-id='" + id + "'] a").click();
        assertThat(doctor.locator("#request-view .question")).hasText("Нужно ли сдать анализы?");

        clock.freezeAt(start.minus(Duration.ofMinutes(20)));
        doctor.locator("#take").click();
        assertThat(doctor.locator("#form-error")).containsText("15");
        clock.freezeAt(start.minus(Duration.ofMinutes(10)));
        doctor.locator("#take").click();
        doctor.waitForURL("**?taken");
        assertThat(doctor.locator("#state")).hasText("В работе");

        // Routing from the open consultation: a referral the patient sees, and a booking with a colleague.
        doctor.locator("#routing summary").first().click();
        doctor.locator("#referral-specialty").selectOption("cardiologist");
        doctor.locator("#issue-referral").click();
        assertThat(doctor.locator("#referral-reason")).hasClass(java.util.regex.Pattern.compile("is-invalid"));
        doctor.locator("#referral-open-ended").check();
        doctor.locator("#referral-diagnosis").fill("I49.9");
        doctor.locator("#referral-reason").fill("Перебои в работе сердца");
        doctor.locator("#issue-referral").click();
        doctor.waitForURL("**?referred");
        assertThat(doctor.locator("#referrals li.referral")).hasCount(1);
        // The specialty by its name, never by its code (issue 13, item 4).
        assertThat(doctor.locator("#referrals li.referral .referral-specialty")).hasText("Кардиолог");
        doctor.locator("#routing summary").nth(1).click();
        doctor.locator("#booking-doctor").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
        assertThat(doctor.locator("#slot option")).not().hasCount(1);
        doctor.locator("#slot").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(3));
        doctor.locator("#booking-note").fill("Повторно с анализами");
        doctor.locator("#book-patient").click();
        doctor.waitForURL("**?booked");

        doctor.locator("#protocol-anamnesis").fill("Головокружение по утрам две недели");
        doctor.locator("#protocol-recommendations").fill("Общий анализ крови, ЭКГ; очный приём терапевта");
        doctor.locator("#diagnosis-search")
                .pressSequentially(
                        "гипертенз", new com.microsoft.playwright.Locator.PressSequentiallyOptions().setDelay(20));
        doctor.locator(".icd10-option[data-code='I10']").click();
        assertThat(doctor.locator(".chosen-diagnosis")).hasCount(1);
        doctor.locator("#send-protocol").click();
        // A primary consultation records no diagnosis: the message is beside the field, nothing sent.
        assertThat(doctor.locator("#diagnoses-error")).isVisible();
        assertThat(doctor.locator("#protocol-recommendations"))
                .hasValue("Общий анализ крови, ЭКГ; очный приём терапевта");
        // The chip on the page sent back is the server's; its button works once the page's module has run.
        doctor.waitForLoadState();
        doctor.locator(".remove-diagnosis").click();
        assertThat(doctor.locator(".chosen-diagnosis")).hasCount(0);
        doctor.locator("#send-protocol").click();
        doctor.waitForURL("**?sent");
        assertThat(doctor.locator("#protocol-recommendations"))
                .hasText("Общий анализ крови, ЭКГ; очный приём терапевта");
        assertThat(doctor.locator("#state")).hasText("Закрыто");

        page.navigate(url("/consultations/" + id));
        assertThat(page.locator("#protocol-recommendations")).hasText("Общий анализ крови, ЭКГ; очный приём терапевта");
        var download = page.waitForDownload(() -> page.locator("#download-pdf").click());
        assertThat(download.suggestedFilename()).endsWith(".pdf");
        try (var document = Loader.loadPDF(Files.readAllBytes(download.path()))) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("Браузеров Антон Павлович")
                    .contains("Общий анализ крови, ЭКГ; очный приём терапевта");
        }
        screenshot("patient-protocol");

        page.navigate(url("/consultations"));
        assertThat(page.locator("#my-referrals li.referral")).containsText("Перебои в работе сердца");
        assertThat(page.locator("#my-referrals li.referral")).containsText("бессрочно");
        assertThat(page.locator("#my-referrals li.referral .referral-specialty"))
                .hasText("Кардиолог");
        assertThat(page.locator("#my-referrals li.referral")).not().containsText("cardiologist");

        doctor.navigate(url("/consultations?state=CLOSED"));
        assertThat(doctor.locator("li.consultation[data-id='" + id + "']")).hasCount(1);
    }

    @Test
    void patientAndDoctorTakeTheRequestCallByVideoChatBothWaysAndCloseItWithAProtocol() throws Exception {
        var booked = bookWithDemoDoctor(ServiceKind.PRIMARY);
        String id = booked.consultation().id().toString();
        Instant start = booked.consultation().start();
        String path = "/consultations/" + id;

        signInPatient(page, booked.phone());
        page.navigate(url(path));
        assertThat(page.locator(".conversation-panel")).hasCount(0);
        Page doctor = signInDemoDoctor(path);
        doctor.waitForURL("**" + path);

        clock.freezeAt(start.minus(Duration.ofMinutes(14)));
        doctor.locator("#take").click();
        doctor.waitForURL("**?taken");
        page.reload();
        for (Page each : List.of(page, doctor)) {
            assertThat(each.locator(".conversation-panel")).hasAttribute("data-link", "live");
        }

        page.locator(".conversation-text").fill("Здравствуйте! Голова кружится по утрам.");
        page.locator(".conversation-text").press("Enter");
        assertThat(doctor.locator(".conversation-message .text")).hasText("Здравствуйте! Голова кружится по утрам.");
        doctor.locator(".conversation-text").fill("Добрый день. Давайте посмотрим по видео.");
        doctor.locator(".conversation-send").click();
        assertThat(page.locator(".conversation-message:not(.mine) .text"))
                .hasText("Добрый день. Давайте посмотрим по видео.");

        doctor.locator(".call-video").click();
        assertThat(page.locator(".call-incoming")).isVisible();
        page.locator(".call-accept").click();
        for (Page each : List.of(page, doctor)) {
            each.waitForFunction(
                    "() => ['connected', 'completed'].includes(document.querySelector('.conversation-call').dataset.iceState)");
            each.waitForFunction("() => { const v = document.querySelector('.call-remote');"
                    + " return v.srcObject && v.srcObject.getVideoTracks().length > 0"
                    + " && v.videoWidth > 0 && v.getVideoPlaybackQuality().totalVideoFrames > 0; }");
        }
        screenshot("in-call");
        doctor.locator(".call-hangup").click();
        for (Page each : List.of(page, doctor)) {
            assertThat(each.locator(".conversation-call")).hasAttribute("data-call-state", "idle");
        }

        doctor.locator("#protocol-recommendations").fill("Измерять давление, общий анализ крови");
        doctor.locator("#send-protocol").click();
        doctor.waitForURL("**?sent");
        assertThat(doctor.locator(".conversation-closed")).isVisible();
        // Call start, end and duration are recorded on the consultation (SPEC D5).
        assertThat(doctor.locator("#calls li.call")).hasCount(1);
        assertThat(doctor.locator("#calls li.call")).containsText("Видеозвонок");
        assertThat(doctor.locator(".conversation-message .text").first())
                .hasText("Здравствуйте! Голова кружится по утрам.");

        page.navigate(url(path));
        assertThat(page.locator("#protocol-recommendations")).hasText("Измерять давление, общий анализ крови");
        var download = page.waitForDownload(() -> page.locator("#download-pdf").click());
        try (var document = Loader.loadPDF(Files.readAllBytes(download.path()))) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("Протокол телемедицинской консультации")
                    .contains("Браузеров Антон Павлович")
                    .contains("Измерять давление, общий анализ крови");
        }
        screenshot("closed");
    }

    @Test
    void aDoctorAsksAConsultantOfAnotherClinicFromTheColleaguePage() {
        consultantOfAnotherClinic();
        String phone = Phones.unique();
        TestPatients.register(identity, "Коллегин", "Семён", null, phone, "1970-01-01");

        Page doctor = signInDemoDoctor("/consultations/colleague");
        askFromColleaguePage(doctor, phone, "Коллегин", "АД 170/100 на трёх препаратах. Вопрос: коррекция терапии?");
        screenshot("colleague");
    }

    /**
     * The paramedic of the demo clinic's rural post (issue 23, seed 004 «врач (фельдшер)-врач») asks a
     * doctor from the same page, titled for them, and the question opens on their desk.
     */
    @Test
    void theDemoParamedicAsksADoctorFromTheSamePage() {
        consultantOfAnotherClinic();
        String phone = Phones.unique();
        TestPatients.register(identity, "Фаповская", "Нина", null, phone, "1958-05-05");

        var paramedicContext = browserContext();
        Page paramedic = paramedicContext.newPage();
        paramedic.navigate(url(
                "/test/staff-sign-in?email=fap@demo.medkarta.org&password=Demo-paramedic-1&continue=/consultations"));
        paramedic.waitForURL("**/consultations");
        assertThat(paramedic.locator("#ask-colleague")).hasCount(0);
        paramedic.locator("#ask-doctor").click();
        paramedic.waitForURL("**/consultations/colleague");
        assertThat(paramedic.locator("h1")).hasText("Вопрос врачу");
        askFromColleaguePage(paramedic, phone, "Фаповская", "Боль в груди 30 минут, АД 160/95. Вопрос: ЭКГ и тактика?");
        screenshot("paramedic");
        paramedicContext.close();
    }

    /** A cardiologist giving doctor-to-doctor consultations in a consulting centre, with slots. */
    private void consultantOfAnotherClinic() {
        var admin = new SignedInUser(
                new org.medkarta.shared.UserId(UUID.randomUUID()),
                "Test",
                null,
                List.of(new RoleGrant(Role.PLATFORM_ADMIN, null)),
                "TEST");
        var centre = clinics.setUp()
                .register(
                        admin,
                        new org.medkarta.clinic.ClinicForm(
                                "Консультативный центр "
                                        + UUID.randomUUID().toString().substring(0, 4),
                                "7701234560",
                                "1027700123450",
                                null,
                                null,
                                "77",
                                "Москва, ул. Центральная, 2",
                                "Europe/Moscow",
                                "+7 495 000-00-03",
                                null,
                                "centre@clinic.example.ru",
                                null,
                                null,
                                null,
                                null),
                        List.of(),
                        "http://localhost",
                        Locale.ENGLISH);
        var consultant = TestCare.invite(
                clinics,
                admin,
                centre.id(),
                new TestCare.NewDoctor("Консультантов", "Олег", null, "cardiologist", "REGION"));
        var service = TestCare.addService(
                clinics, admin, consultant, "Консультация врач-врач", "cardiologist", "DOCTOR_TO_DOCTOR", 0L, "REGION");
        var today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Moscow"));
        TestCare.openSchedule(
                scheduleTemplates,
                admin,
                consultant.id(),
                new TestCare.Hours("Врач-врач", today, today.plusDays(10), "09:00", "12:00"),
                List.of(service.id().value().toString()));
    }

    /** Finds the patient by phone, chooses the consultant and a slot, fails once without the case, asks. */
    private void askFromColleaguePage(Page doctor, String phone, String patient, String caseText) {
        doctor.waitForURL("**/consultations/colleague");
        doctor.locator("#phone").fill(phone);
        doctor.locator("#find-patient").click();
        assertThat(doctor.locator("#patients input[name='patientId']")).isChecked();
        doctor.locator("a.consultant", new Page.LocatorOptions().setHasText("Консультантов"))
                .first()
                .click();
        doctor.locator("#slot").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(2));
        doctor.locator("#create-request").click();
        assertThat(doctor.locator("#caseText")).hasClass(java.util.regex.Pattern.compile("is-invalid"));
        doctor.locator("#patients input[name='patientId']").check();
        doctor.locator("#slot").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(2));
        doctor.locator("#caseText").fill(caseText);
        doctor.locator("#create-request").click();
        doctor.waitForURL("**/consultations?asked");
        var card = doctor.locator("li.consultation", new Page.LocatorOptions().setHasText(patient));
        // The request opens when the booking's event is handled, just after the booking commits.
        for (int tries = 0; tries < 40 && card.count() == 0; tries++) {
            doctor.waitForTimeout(250);
            doctor.reload();
        }
        assertThat(card).hasCount(1);
        assertThat(card).containsText("Врач-врач");
    }

    @Test
    void theAdministratorSeesTheDictionaryAndAWrongFileIsRefusedBesideTheField() throws Exception {
        page.navigate(url(
                "/test/staff-sign-in?email=admin@demo.medkarta.org&password=Demo-admin-1&continue=/admin/terminology"));
        assertThat(page.locator("#icd10-size")).containsText("15038");
        var wrong = Files.createTempFile("mkb", ".csv");
        Files.writeString(wrong, "code;name\nI10;Гипертензия\n");
        page.locator("#file").setInputFiles(wrong);
        page.locator("#import").click();
        assertThat(page.locator("#file-error")).containsText("ID;REC_CODE");
        assertThat(page.locator("#icd10-size")).containsText("15038");
        screenshot("terminology");
    }
}
