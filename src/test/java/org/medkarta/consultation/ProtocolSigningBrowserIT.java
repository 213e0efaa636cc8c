package org.medkarta.consultation;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medkarta.clinic.ServiceFormat;
import org.medkarta.identity.AccountSnils;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.notification.DevOutbox;
import org.medkarta.scheduling.Booking;
import org.medkarta.scheduling.BookingRequest;
import org.medkarta.scheduling.ScheduleTemplates;
import org.medkarta.scheduling.SlotQuery;
import org.medkarta.scheduling.SlotSearch;
import org.medkarta.shared.Snils;
import org.medkarta.signature.Signatures;
import org.medkarta.signature.Trust;
import org.medkarta.signature.TrustAnchors;
import org.medkarta.testing.BrowserSupport;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.Identifiers;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.MutableClock;
import org.medkarta.testing.Phones;
import org.medkarta.testing.TestCare;
import org.medkarta.testing.TestClinics;
import org.medkarta.testing.TestPatients;
import org.medkarta.testing.TestPki;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * «Подписать и отправить» end to end (issue 16): the doctor signs the protocol in the browser with a
 * certificate of the test PKI, standing in for the token behind the CryptoPro plug-in through the
 * page's signing adapter; the patient finds it signed in their record and downloads the PDF and the
 * {@code .sig}; the public verification page says valid for them, invalid for an altered PDF, and
 * valid for the QR code's link.
 */
class ProtocolSigningBrowserIT extends BrowserSupport {

    static final TestPki PKI = TestPki.gost256();

    static final String DOCTOR_NAME = "Врачев Иван Сергеевич";

    static final String COLLEAGUE_NAME = "Коллегин Олег Петрович";

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
    TrustAnchors anchors;

    @Autowired
    AccountSnils snils;

    @Autowired
    Signatures signatures;

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
    void theDoctorSignsOnTheTokenThePatientDownloadsPdfAndSignatureAndThePublicPageVerifiesThem() throws Exception {
        // A clinic trusting the test root, its doctor with their SNILS in the profile, and a booked patient.
        var clinic = TestClinics.register(clinics, "Клиника «Подпись»");
        anchors.add(TestClinics.PLATFORM, clinic.id(), PKI.root().der(), "certificate");
        var doctor = TestCare.invite(
                clinics,
                TestClinics.PLATFORM,
                clinic.id(),
                TestCare.NewDoctor.THERAPIST.named("Врачев", "Иван", "Сергеевич"));
        var service = TestCare.addService(
                clinics, TestClinics.PLATFORM, doctor, "Телеконсультация", "therapist", "PRIMARY", 0L, "REGION");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Moscow"));
        TestCare.openSchedule(
                scheduleTemplates,
                TestClinics.PLATFORM,
                doctor.id(),
                new TestCare.Hours("График", today.minusDays(1), today.plusDays(20), "09:00", "17:30"),
                List.of(service.id().value().toString()));
        var doctorUser = TestCare.signedIn(doctor);
        String ownSnils = Identifiers.snils();
        snils.record(doctorUser, ownSnils);
        var certificate = PKI.doctor(ownSnils, DOCTOR_NAME);
        String thumbprint = thumbprint(certificate);
        // A colleague's certificate on the same token: a SNILS that is not the doctor's.
        var colleague = PKI.doctor(Identifiers.snils(), COLLEAGUE_NAME);
        var onToken = Map.of(thumbprint, certificate, thumbprint(colleague), colleague);

        String phone = Phones.unique();
        var account = TestPatients.register(identity, "Подписанов", "Пётр", "Ильич", phone, "1980-01-02");
        var patient = new SignedInUser(
                account.userId(),
                "Подписанов",
                account.patientId(),
                List.of(new RoleGrant(Role.PATIENT, null)),
                "SMS_CODE");
        var slot = slotSearch
                .search(
                        patient,
                        new SlotQuery(
                                doctor.id(),
                                null,
                                null,
                                ServiceFormat.VIDEO,
                                clock.instant().plus(Duration.ofDays(1)),
                                null,
                                10))
                .stream()
                .findFirst()
                .orElseThrow();
        var appointment = booking.book(
                patient,
                new BookingRequest(slot.slotId(), null, slot.serviceId(), null, "Головная боль третий день", true),
                "test");
        var consultation = opened(patient, appointment.id());
        String path = "/consultations/" + consultation.id();

        // The doctor's browser: the token's adapter installed before any page loads; the key stays in Java.
        doctorContext = browserContext();
        Page desk = doctorContext.newPage();
        var signedPdf = new AtomicReference<byte[]>();
        var scriptErrors = new java.util.concurrent.CopyOnWriteArrayList<String>();
        desk.onPageError(scriptErrors::add);
        page.onPageError(scriptErrors::add);
        desk.exposeFunction("testSign", args -> {
            var signer = onToken.get((String) args[0]);
            if (signer == null) {
                throw new IllegalArgumentException("no certificate " + args[0] + " on the token");
            }
            byte[] pdf = Base64.getDecoder().decode((String) args[1]);
            signedPdf.set(pdf);
            return Base64.getEncoder().encodeToString(PKI.sign(signer, pdf, clock.instant()));
        });
        // Every change of the button's disabled state, reported to the test as it happens.
        var buttonDisabled = new java.util.concurrent.CopyOnWriteArrayList<Boolean>();
        desk.exposeFunction("testButtonDisabled", args -> {
            buttonDisabled.add((Boolean) args[0]);
            return null;
        });
        desk.addInitScript("new MutationObserver((changes) => changes"
                + ".filter((c) => c.target.id === 'sign-and-send')"
                + ".forEach((c) => window.testButtonDisabled(c.target.disabled)))"
                + ".observe(document, {subtree: true, attributes: true, attributeFilter: ['disabled']});");
        desk.addInitScript("window.medkartaSigningAdapter = {\n"
                + "  listCertificates: async () => [" + adapterEntry(colleague, COLLEAGUE_NAME) + ", "
                + adapterEntry(certificate, DOCTOR_NAME)
                + "],\n"
                + "  sign: async (id, pdfBase64) => await window.testSign(id, pdfBase64),\n"
                + "};\n");
        desk.navigate(url("/test/token-sign-in?token="
                + identity.tokens().tokensFor(doctorUser).accessToken() + "&continue=" + path));
        desk.waitForURL("**" + path);

        clock.freezeAt(consultation.start().minus(Duration.ofMinutes(5)));
        desk.locator("#take").click();
        desk.waitForURL("**?taken");
        var options = desk.locator("#certificate-select option");
        assertThat(options).hasCount(2);
        assertThat(options.nth(1)).containsText(DOCTOR_NAME + " — " + certificate.serial() + " (действителен до ");
        assertThat(desk.locator("#signing-status")).hasText("Выберите сертификат и нажмите «Подписать и отправить».");
        var signAndSend = desk.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Подписать и отправить"));
        desk.locator("#protocol-anamnesis").fill("Головная боль третий день, давление 150/95");
        desk.locator("#certificate-select").selectOption(thumbprint);
        signAndSend.click();
        // Content is checked before anything is signed: the message stands beside the empty field.
        assertThat(desk.locator("#recommendations-signing-error")).isVisible();
        assertThat(desk.locator("#protocol-recommendations")).hasClass(Pattern.compile(".*is-invalid.*"));
        assertThat(signAndSend).isEnabled();

        desk.locator("#protocol-recommendations").fill("Контроль давления утром и вечером");
        desk.locator("#protocol-additionalRecommendations").fill("Очный приём невролога");
        desk.locator("#certificate-select").selectOption(thumbprint(colleague));
        signAndSend.click();
        // Another person's certificate is refused beside the button; nothing was signed or sent.
        assertThat(desk.locator("#signing-error"))
                .hasText("Сертификат принадлежит не вам: его СНИЛС не совпадает с СНИЛС в вашем профиле.");
        assertThat(desk.locator("#recommendations-signing-error")).hasCount(0);
        assertThat(desk.locator("#protocol-recommendations")).not().hasClass(Pattern.compile(".*is-invalid.*"));
        assertThat(desk.locator("#state")).hasText("В работе");
        assertThat(signedPdf.get()).isNull();

        desk.locator("#certificate-select").selectOption(thumbprint);
        signAndSend.click();
        desk.waitForURL("**" + path + "?signed");
        assertThat(desk.locator("#flash")).containsText("Протокол подписан электронной подписью и отправлен.");
        // Once sent, the button stayed disabled until the closed consultation loaded: nothing could be sent twice.
        assertThat(buttonDisabled).isNotEmpty().last().isEqualTo(Boolean.TRUE);
        assertThat(desk.locator("#state")).hasText("Закрыто");
        assertThat(desk.locator("#protocol-recommendations")).hasText("Контроль давления утром и вечером");
        assertThat(desk.locator("#signed-by"))
                .containsText("Подписан электронной подписью: " + DOCTOR_NAME + ", сертификат " + certificate.serial());
        assertThat(desk.locator("#download-sig")).isVisible();
        assertThat(desk.locator("#protocol-editor")).hasCount(0);
        assertThat(signedPdf.get()).as("the PDF the token signed").isNotNull();

        // The patient finds the signed protocol in their record.
        signInByCode(page, outbox, phone);
        page.locator("#nav-record").click();
        var entry = page.locator("li.entry[data-type='EXAM_PROTOCOL'] a.entry-title");
        // The record files the protocol when the consultation's event arrives, just after sending.
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (entry.count() == 0 && System.nanoTime() < until) {
            page.reload();
        }
        entry.click();
        assertThat(page.locator("#signed-by"))
                .containsText("Подписан электронной подписью: " + DOCTOR_NAME + ", сертификат " + certificate.serial()
                        + ", действителен до ");
        Download pdfDownload =
                page.waitForDownload(() -> page.locator("#signed-pdf").click());
        Download sigDownload =
                page.waitForDownload(() -> page.locator("#signed-sig").click());
        assertThat(pdfDownload.suggestedFilename()).matches("protocol-\\d{4}-\\d{2}-\\d{2}\\.pdf");
        assertThat(sigDownload.suggestedFilename()).isEqualTo(pdfDownload.suggestedFilename() + ".sig");
        byte[] pdf = Files.readAllBytes(pdfDownload.path());
        byte[] sig = Files.readAllBytes(sigDownload.path());
        screenshot("record-entry");

        assertThat(pdf).as("the PDF served is the one the token signed").isEqualTo(signedPdf.get());
        var verdict = signatures.verify(pdf, sig, new Trust(clinic.id(), new Snils(ownSnils), null));
        assertThat(verdict.valid()).as(String.valueOf(verdict.detail())).isTrue();
        assertThat(verdict.signer().name()).isEqualTo(DOCTOR_NAME);
        assertThat(verdict.signer().serial()).isEqualTo(certificate.serial());
        String verifyUrl;
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("Документ подписан электронной подписью")
                    .contains(DOCTOR_NAME)
                    .contains(certificate.serial())
                    .contains("Контроль давления утром и вечером")
                    .contains("Подписанов Пётр Ильич");
            var codes = ProtocolSigningIT.qrCodes(document);
            assertThat(codes).hasSize(1);
            verifyUrl = codes.get(0);
        }
        assertThat(verifyUrl).startsWith(url("/signatures/verify?document="));
        assertThat(page.locator("#signed-verify")).hasAttribute("href", verifyUrl);

        // Anyone checks the pair on the public page; a changed byte makes the same signature invalid.
        page.navigate(url("/signatures/verify"));
        upload(pdfDownload.suggestedFilename(), pdf, sigDownload.suggestedFilename(), sig);
        assertThat(page.locator("#verdict")).hasAttribute("data-valid", "true");
        assertThat(page.locator("#verdict")).containsText("Подпись действительна");
        assertThat(page.locator(".signer-name")).hasText(DOCTOR_NAME);
        assertThat(page.locator(".signer-serial")).hasText(certificate.serial());
        screenshot("verified");

        byte[] altered = Arrays.copyOf(pdf, pdf.length);
        altered[pdf.length / 2] ^= 1;
        upload(pdfDownload.suggestedFilename(), altered, sigDownload.suggestedFilename(), sig);
        assertThat(page.locator("#verdict")).hasAttribute("data-valid", "false");
        assertThat(page.locator("#verdict")).hasAttribute("data-reason", "ALTERED");
        assertThat(page.locator("#verdict")).containsText("Подпись недействительна");
        assertThat(page.locator("#reason")).hasText("документ изменен после подписания.");

        // The QR code's link shows the stored document's verdict straight away.
        page.navigate(verifyUrl);
        assertThat(page.locator("#verdict")).hasAttribute("data-valid", "true");
        assertThat(page.locator(".signer-name")).hasText(DOCTOR_NAME);
        assertThat(page.locator("#stored-title")).containsText("Протокол консультации");
        screenshot("qr-link");
        assertThat(scriptErrors).as("uncaught errors of the pages' scripts").isEmpty();
    }

    /** The certificate as the adapter lists it: id (the SHA-1 thumbprint, as CryptoPro's), name, serial, validity, DER. */
    private static String adapterEntry(TestPki.Issued issued, String name) {
        return "{id: '%s', name: '%s', serial: '%s', validTo: '%s', certificate: '%s'}"
                .formatted(
                        thumbprint(issued),
                        name,
                        issued.serial(),
                        issued.certificate().getNotAfter().toInstant(),
                        Base64.getEncoder().encodeToString(issued.der()));
    }

    private static String thumbprint(TestPki.Issued issued) {
        try {
            return HexFormat.of()
                    .withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(issued.der()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void upload(String pdfName, byte[] pdf, String sigName, byte[] sig) {
        page.locator("#document").setInputFiles(new FilePayload(pdfName, "application/pdf", pdf));
        page.locator("#signature").setInputFiles(new FilePayload(sigName, "application/pkcs7-signature", sig));
        page.locator("#verify").click();
    }

    /** Waits (the consultation opens once the booking commits) for the appointment's consultation. */
    private ConsultationView opened(SignedInUser patient, java.util.UUID appointment) {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < until) {
            var found = consultationDesk.desk(patient, ConsultationState.NEW, DeskFilter.NONE).stream()
                    .filter(c -> c.appointmentId().equals(appointment))
                    .findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no consultation opened for appointment " + appointment);
    }
}
