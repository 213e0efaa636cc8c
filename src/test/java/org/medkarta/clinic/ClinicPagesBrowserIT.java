package org.medkarta.clinic;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Outbox;
import org.medkarta.testing.TestCare;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The clinic pages on their own: the same set-up flow with the sign-in and the password step done
 * behind the scenes, the public documents and the help form.
 */
class ClinicPagesBrowserIT extends ClinicSetUpFlow {

    @Autowired
    IdentityFacades identity;

    @Autowired
    ClinicFacades directory;

    /** A clinic registered by the platform administrator with a new administrator: [clinicId, adminEmail]. */
    private String[] clinicWithAdmin(String name) {
        String adminEmail = ClinicApiSupport.email("admin");
        var clinic = directory
                .setUp()
                .register(
                        platformAdmin(),
                        new ClinicForm(
                                name,
                                ClinicApiSupport.validInn(),
                                ClinicApiSupport.validOgrn(),
                                null,
                                null,
                                "77",
                                "Москва, ул. Арбат, 1",
                                "Europe/Moscow",
                                "+74951112233",
                                null,
                                "info@example.ru",
                                null,
                                null,
                                null,
                                null),
                        List.of(new StaffInvitation(adminEmail, "Админов", "Павел", null)),
                        "http://localhost",
                        Locale.ENGLISH);
        String link = Outbox.latestLink(outbox, adminEmail);
        identity.staff().setPassword(link.substring(link.indexOf("token=") + 6), ClinicApiSupport.PASSWORD);
        return new String[] {clinic.id().value().toString(), adminEmail};
    }

    private SignedInUser platformAdmin() {
        return identity.signIn()
                .signInWithPassword(
                        "admin@demo.medkarta.org",
                        "Demo-admin-1",
                        null,
                        ClinicApiSupport.CLIENT,
                        "http://localhost",
                        Locale.ENGLISH);
    }

    private SignedInUser signedIn(String email) {
        return identity.signIn()
                .signInWithPassword(
                        email,
                        ClinicApiSupport.PASSWORD,
                        null,
                        ClinicApiSupport.CLIENT,
                        "http://localhost",
                        Locale.ENGLISH);
    }

    private void signIn(String email, String next) {
        page.navigate(url(
                "/test/staff-sign-in?email=" + email + "&password=" + ClinicApiSupport.PASSWORD + "&continue=" + next));
    }

    @Override
    void signInAsPlatformAdmin(Page page, String next) {
        page.navigate(url("/test/staff-sign-in?email=admin@demo.medkarta.org&password=Demo-admin-1&continue=" + next));
        page.waitForURL(url(next));
    }

    @Test
    void aPatientAnswersARefusedAttachmentOnceAndTheClinicSeesTheAnswer() {
        String[] a = clinicWithAdmin("Поликлиника Ответная");
        String phone = org.medkarta.testing.Phones.unique();
        var account =
                org.medkarta.testing.TestPatients.register(identity, "Ответов", "Олег", null, phone, "1980-01-02");
        var patient = new SignedInUser(
                account.userId(),
                "Олег",
                account.patientId(),
                List.of(new org.medkarta.identity.RoleGrant(org.medkarta.identity.Role.PATIENT, null)),
                "SMS_CODE");
        var request = directory.attachments().requestAttachment(patient, ClinicId.of(a[0]), "GENERAL");
        directory
                .attachments()
                .refuseAttachment(signedIn(a[1]), request.id(), "Адрес вне зоны обслуживания", Locale.ENGLISH);

        signInByCode(page, outbox, phone);
        page.navigate(url("/attachments"));
        assertThat(page.locator(".attachment-reason")).containsText("Адрес вне зоны обслуживания");
        page.locator(".attachment-appeal-form button").click();
        assertThat(page.locator("#appeal-error-" + request.id())).isVisible();
        page.locator("#appeal-" + request.id()).fill("Я живу по адресу ул. Арбат, 3 — это ваш участок");
        page.locator(".attachment-appeal-form button").click();
        assertThat(page.locator("#appealed")).isVisible();
        assertThat(page.locator(".attachment-appeal")).containsText("ул. Арбат, 3");
        assertThat(page.locator(".attachment-appeal-form")).hasCount(0);

        context.clearCookies();
        signIn(a[1], "/admin/clinics/" + a[0] + "/attachments");
        assertThat(page.locator(".attachment-appeal")).containsText("Адрес вне зоны обслуживания");
        assertThat(page.locator(".attachment-appeal")).containsText("ул. Арбат, 3");
    }

    @Test
    void anAdministratorSetsUpAClinicAndItsDoctorAppearsInTheCatalogue() {
        setUpAClinicAndFindItsDoctor(
                link -> identity.staff().setPassword(link.substring(link.indexOf("token=") + 6), "Doctor-pass-1"));
    }

    @Test
    void anotherClinicsAdministratorGetsNotFoundOnEveryPageAndPhotosAreCheckedByContent() throws Exception {
        String[] a = clinicWithAdmin("Клиника Страницы А");
        String[] b = clinicWithAdmin("Клиника Страницы Б");
        var adminA = signedIn(a[1]);
        var doctor = TestCare.invite(
                directory,
                adminA,
                ClinicId.of(a[0]),
                new TestCare.NewDoctor("Страничный", "Пётр", null, "therapist", null));
        String base = "/admin/clinics/" + a[0];

        signIn(b[1], "/admin/clinics");
        for (String path : List.of(
                base,
                base + "/documents/offer",
                base + "/doctors",
                base + "/doctors/" + doctor.id().value(),
                base + "/services",
                base + "/attachments")) {
            org.assertj.core.api.Assertions.assertThat(page.navigate(url(path)).status())
                    .as(path)
                    .isEqualTo(404);
        }
        var forged = page.request()
                .post(
                        url(base + "/documents/offer"),
                        RequestOptions.create().setForm(FormData.create().set("text", "Чужая оферта")));
        org.assertj.core.api.Assertions.assertThat(forged.status()).isIn(403, 404);
        org.assertj.core.api.Assertions.assertThat(
                        directory.documents().versions(ClinicId.of(a[0]), DocumentKind.OFFER))
                .isEmpty();

        context.clearCookies();
        signIn(a[1], base + "/doctors/" + doctor.id().value());
        Path notAPicture = Files.createTempFile("photo", ".png");
        Files.writeString(notAPicture, "это не картинка");
        page.setInputFiles("#photo", notAPicture);
        page.click("#upload-photo");
        assertThat(page.locator("#photo-error")).containsText("PNG");
        page.fill("#position", "Заведующий отделением");
        page.uncheck("#active");
        page.click("#save-doctor");
        assertThat(page.locator("#saved")).isVisible();
        org.assertj.core.api.Assertions.assertThat(
                        directory.catalogue().findDoctors(null, "Страничный", ClinicId.of(a[0])))
                .isEmpty();

        page.navigate(url(base));
        page.fill("#adminEmail", "не-почта");
        page.click("#invite-admin");
        assertThat(page.locator("#adminLastName + .invalid-feedback")).isVisible();
        assertThat(page.locator("#adminEmail")).hasClass(java.util.regex.Pattern.compile("is-invalid"));
        String second = ClinicApiSupport.email("second-admin");
        page.fill("#adminEmail", second);
        page.fill("#adminLastName", "Вторая");
        page.fill("#adminFirstName", "Анна");
        page.click("#invite-admin");
        org.assertj.core.api.Assertions.assertThat(Outbox.latestLink(outbox, second))
                .contains("/password/set");
    }

    @Test
    void anAdministratorAddsANewlyInvitedDoctorToAnExistingServiceAndTheScheduleFormOffersIt() {
        String[] a = clinicWithAdmin("Клиника услуг");
        var admin = signedIn(a[1]);
        var clinic = ClinicId.of(a[0]);
        var first = TestCare.invite(directory, admin, clinic, TestCare.NewDoctor.THERAPIST);
        var service = TestCare.addService(
                directory, admin, first, "Видеоприём терапевта", "therapist", "PRIMARY", 150_000L, "REGION");
        var later =
                TestCare.invite(directory, admin, clinic, TestCare.NewDoctor.THERAPIST.named("Новиков", "Олег", null));
        String serviceBox = "#service-" + service.id().value();
        signIn(a[1], "/schedule/doctors/" + later.id().value());
        assertThat(page.locator("#main")).containsText("Новиков");
        assertThat(page.locator(serviceBox)).hasCount(0);

        page.navigate(url("/admin/clinics/" + a[0] + "/services"));
        page.locator("a.edit-service").first().click();
        assertThat(page.locator("#name")).hasValue("Видеоприём терапевта");
        assertThat(page.locator("#doctor-" + first.id().value())).isChecked();
        page.locator("#doctor-" + later.id().value()).check();
        page.locator("#priceRoubles").fill("1800");
        page.locator("#save-service").click();
        assertThat(page.locator("#saved")).isVisible();
        screenshot("services-saved");

        page.locator("a.edit-service").first().click();
        assertThat(page.locator("#doctor-" + later.id().value())).isChecked();
        assertThat(page.locator("#price-history tr.price-change")).hasCount(1);
        assertThat(page.locator("#price-history tr.price-change")).containsText("Админов");
        // One money format on every page: whole roubles, a thin space for thousands, no kopecks.
        assertThat(page.locator("#price-history tr.price-change")).containsText("1\u00a0800 ₽");
        assertThat(page.locator("#price-history tr.price-change")).not().containsText(".00");
        page.locator("#durationMinutes").fill("0");
        page.locator("#save-service").click();
        assertThat(page.locator("#durationMinutes")).hasClass(java.util.regex.Pattern.compile("is-invalid"));
        screenshot("service-refused");

        page.navigate(url("/schedule/doctors/" + later.id().value()));
        assertThat(page.locator(serviceBox)).isVisible();
    }

    @Test
    void theDemoClinicsOfferIsReadableOnItsPageAndAsPdf() {
        page.navigate(url("/clinics?region=77"));
        page.locator("a:has-text('Медкарта Демо')").first().click();
        page.locator("a[href$='/documents/offer']").click();

        assertThat(page.locator("#document h2")).containsText("Публичная оферта");
        assertThat(page.locator("#document")).containsText("Клиника «Медкарта Демо»");
        var download = page.request().get(url(page.locator("#pdf").getAttribute("href")));
        org.assertj.core.api.Assertions.assertThat(download.headers().get("content-type"))
                .isEqualTo("application/pdf");
    }

    @Test
    void aSignedOutVisitorAsksForHelpAndIsToldWhatIsMissing() {
        page.navigate(url("/help"));
        page.fill("#topic", "Не приходит SMS");
        page.fill("#text", "Жду код уже десять минут.");
        page.click("#send-help");
        assertThat(page.locator(".invalid-feedback").first()).isVisible();

        page.fill("#email", "visitor@example.ru");
        page.click("#send-help");

        assertThat(page.locator("#sent")).isVisible();
    }
}
