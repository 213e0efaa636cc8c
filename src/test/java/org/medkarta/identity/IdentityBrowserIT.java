package org.medkarta.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medkarta.notification.DevOutbox;
import org.medkarta.shared.ClinicId;
import org.medkarta.testing.BrowserSupport;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.MutableClock;
import org.medkarta.testing.Outbox;
import org.medkarta.testing.Phones;
import org.springframework.beans.factory.annotation.Autowired;

/** What a patient and a doctor do to get in, in a real browser. */
class IdentityBrowserIT extends BrowserSupport {

    @Autowired
    DevOutbox outbox;

    @Autowired
    IdentityFacades identity;

    @Autowired
    MutableClock clock;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void patientRegistersConfirmsTheEmailSignsInWithTheSmsCodeAndSeesTheProfile() {
        String phone = Phones.unique();
        String email = "browser-" + UUID.randomUUID() + "@example.ru";

        page.navigate(url("/"));
        page.locator("#nav-register").click();
        page.locator("#lastName").fill("Соколова");
        page.locator("#firstName").fill("Дарья");
        page.locator("#patronymic").fill("Андреевна");
        page.locator("#phone").fill("8 " + phone.substring(2));
        page.locator("#birthDate").fill("1992-09-30");
        page.locator("#email").fill(email);
        page.locator("#acceptTerms").check();
        screenshot("register");
        page.locator("#register").click();
        assertThat(page.locator("#registered-message")).containsText(email);

        page.navigate(Outbox.latestLink(outbox, email));
        assertThat(page.locator("#confirmed")).isVisible();

        page.locator("#nav-sign-in").click();
        page.locator("#phone").fill(phone);
        page.locator("#send-code").click();
        page.locator("#code").fill(Outbox.latestCode(outbox, phone));
        page.locator("#sign-in").click();

        assertThat(page.locator("#profile-name")).hasText("Дарья Андреевна Соколова");
        assertThat(page.locator("#profile-phone")).hasText(phone);
        assertThat(page.locator("#email-status")).hasText("подтверждён");
        assertThat(page.locator("#nav-profile")).hasText("Дарья Андреевна Соколова");
        screenshot("profile");

        page.navigate(url("/security"));
        assertThat(page.locator(".history-row").first()).containsText("Код из SMS");
        assertThat(page.locator(".session-row")).hasCount(1);
        org.assertj.core.api.Assertions.assertThat(
                        jdbc.sql("""
                                SELECT s.max_inactive_interval FROM spring_session s
                                JOIN identity_account a ON s.principal_name = CAST(a.id AS VARCHAR(36))
                                WHERE a.phone = :phone
                                """).param("phone", phone).query(Integer.class).single())
                .as("the session ends after 30 idle minutes (SPEC A7)")
                .isEqualTo(1800);
    }

    @Test
    void theRegistrationFormShowsEachMistakeBesideItsField() {
        page.navigate(url("/register"));
        page.locator("#lastName").fill("Smith1");
        page.locator("#phone").fill("123");
        page.locator("#birthDate").fill("2999-01-01");
        page.locator("#register").click();

        assertThat(page.locator("#lastName-error"))
                .hasText("Допустимы буквы (кириллица или латиница), дефис, апостроф и пробел.");
        assertThat(page.locator("#firstName-error")).hasText("Заполните это поле.");
        assertThat(page.locator("#phone-error")).isVisible();
        assertThat(page.locator("#birthDate-error")).containsText("в будущем");
        assertThat(page.locator("#email-error")).isVisible();
        assertThat(page.locator("#acceptTerms-error")).isVisible();
        assertThat(page.locator("#lastName")).hasValue("Smith1");
        screenshot("errors");
    }

    @Test
    void anUnregisteredNumberIsToldTheCodeComesOnlyIfTheNumberIsRegisteredAndWhereToRegister() {
        String unknown = Phones.unique();
        page.navigate(url("/sign-in"));
        page.locator("#phone").fill(unknown);
        page.locator("#send-code").click();

        assertThat(page.locator("#code-lead")).containsText("Если номер " + unknown + " зарегистрирован");
        assertThat(page.locator("#code-lead")).containsText("код придёт в течение минуты");
        assertThat(page.locator("#code")).isVisible();
        page.locator("#code-register a").click();
        assertThat(page.locator("#register")).isVisible();

        page.navigate(url("/sign-in?lang=en"));
        page.locator("#phone").fill(unknown);
        page.locator("#send-code").click();
        assertThat(page.locator("#code-lead"))
                .containsText("If " + unknown + " is registered, the code will arrive within a minute");
        assertThat(page.locator("#code-register a")).hasText("Register");
    }

    @Test
    void aRegisteredNumberSeesTheSameWordsAsAnUnregisteredOne() {
        String phone = registered();
        page.navigate(url("/sign-in"));
        page.locator("#phone").fill(phone);
        page.locator("#send-code").click();

        assertThat(page.locator("#code-lead"))
                .hasText("Если номер " + phone + " зарегистрирован, код придёт в течение минуты."
                        + " Код из 6 цифр действует 15 минут.");
        org.assertj.core.api.Assertions.assertThat(Outbox.latestCode(outbox, phone))
                .hasSize(6);
    }

    @Test
    void aWrongCodeSaysHowManyAttemptsAreLeft() {
        String phone = registered();
        page.navigate(url("/sign-in"));
        page.locator("#phone").fill(phone);
        page.locator("#send-code").click();
        String right = Outbox.latestCode(outbox, phone);
        page.locator("#code").fill(right.equals("000000") ? "111111" : "000000");
        page.locator("#sign-in").click();

        assertThat(page.locator("#code-error")).hasText("Неверный код. Осталось попыток: 4.");
    }

    @Test
    void anInvitedDoctorSetsAPasswordSignsInAndTurnsOnTheAuthenticatorApp() {
        String email = "doctor-" + UUID.randomUUID() + "@clinic.example";
        identity.staff()
                .invite(
                        email,
                        "Орлов",
                        "Павел",
                        null,
                        Role.DOCTOR,
                        new ClinicId(UUID.randomUUID()),
                        url(""),
                        Locale.forLanguageTag("ru"));

        page.navigate(Outbox.latestLink(outbox, email));
        page.locator("#password").fill("Vrach-2026");
        page.locator("#passwordRepeat").fill("Vrach-2026");
        page.locator("#set-password").click();
        assertThat(page.locator("#password-set")).isVisible();

        page.locator("#email").fill(email);
        page.locator("#password").fill("Vrach-2026");
        page.locator("#sign-in").click();
        assertThat(page.locator("#profile-name")).containsText("Павел");

        page.navigate(url("/security/totp"));
        String secret = page.locator("#totp-secret").textContent();
        assertThat(page.locator("#totp-qr svg")).isVisible();
        screenshot("totp");
        page.locator("#code").fill(Totp.codeAt(secret, clock.instant()));
        page.locator("#totp-confirm").click();
        assertThat(page.locator("#totp-enabled")).isVisible();

        page.locator("#sign-out").click();
        page.navigate(url("/staff/sign-in"));
        page.locator("#email").fill(email);
        page.locator("#password").fill("Vrach-2026");
        page.locator("#sign-in").click();
        assertThat(page.locator("#totp-error")).hasText("Введите код из приложения-аутентификатора.");

        clock.advance(java.time.Duration.ofSeconds(30));
        try {
            page.locator("#password").fill("Vrach-2026");
            page.locator("#totp").fill(Totp.codeAt(secret, clock.instant()));
            page.locator("#sign-in").click();
            assertThat(page.locator("#profile-name")).containsText("Павел");
        } finally {
            clock.reset();
        }
    }

    @Test
    void staffOfAClinicThatRequiresTotpMustSetItUpBeforeAnythingElse() {
        var clinic = new ClinicId(UUID.randomUUID());
        String email = "strict-" + UUID.randomUUID() + "@clinic.example";
        identity.staff()
                .invite(
                        email,
                        "Строгова",
                        "Вера",
                        null,
                        Role.CLINIC_ADMIN,
                        clinic,
                        url(""),
                        Locale.forLanguageTag("ru"));
        identity.staff().setPassword(Outbox.latestLink(outbox, email).replaceAll(".*token=", ""), "Strogo-2026");
        identity.staff().requireTotp(clinic, true);

        page.navigate(url("/staff/sign-in"));
        page.locator("#email").fill(email);
        page.locator("#password").fill("Strogo-2026");
        page.locator("#sign-in").click();
        assertThat(page.locator("#totp-mandatory")).isVisible();
        page.navigate(url("/profile"));
        assertThat(page.locator("#totp-mandatory")).isVisible();

        String secret = page.locator("#totp-secret").textContent();
        page.locator("#code").fill(Totp.codeAt(secret, clock.instant()));
        page.locator("#totp-confirm").click();
        assertThat(page.locator("#totp-enabled")).isVisible();
        page.navigate(url("/profile"));
        assertThat(page.locator("#profile-name")).containsText("Вера");
    }

    @Test
    void signingOutEverywhereElseEndsTheOtherBrowsersSession() {
        String phone = registered();
        var other = browserContext();
        var otherPage = other.newPage();
        signInByCode(otherPage, phone);
        clock.advance(java.time.Duration.ofSeconds(61));
        try {
            signInByCode(page, phone);
        } finally {
            clock.reset();
        }

        page.navigate(url("/security"));
        assertThat(page.locator(".session-row")).hasCount(2);
        page.locator("#sign-out-others").click();
        confirm(page);
        assertThat(page.locator("#signed-out-others")).isVisible();
        assertThat(page.locator(".session-row")).hasCount(1);

        otherPage.navigate(url("/profile"));
        assertThat(otherPage).hasURL(java.util.regex.Pattern.compile(".*/sign-in\\?continue=%2Fprofile$"));
        other.close();
    }

    @Test
    void aBlockedPhoneIsToldUntilWhenInMoscowTime() {
        String phone = registered();
        page.navigate(url("/sign-in"));
        page.locator("#phone").fill(phone);
        page.locator("#send-code").click();
        String wrong = Outbox.latestCode(outbox, phone).equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            page.locator("#code").fill(wrong);
            page.locator("#sign-in").click();
        }

        assertThat(page.locator("#code-error")).containsText("Вход заблокирован на 24 часа");
        assertThat(page.locator("#code-error")).containsText("(МСК)");
    }

    private void signInByCode(com.microsoft.playwright.Page on, String phone) {
        on.navigate(url("/sign-in"));
        on.locator("#phone").fill(phone);
        on.locator("#send-code").click();
        on.locator("#code").fill(Outbox.latestCode(outbox, phone));
        on.locator("#sign-in").click();
        assertThat(on.locator("#profile-name")).isVisible();
    }

    @Test
    void signedOutVisitorsAreSentToSignInAndBackAfterwards() {
        String phone = registered();
        page.navigate(url("/security"));
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/sign-in\\?continue=%2Fsecurity$"));

        page.locator("#phone").fill(phone);
        page.locator("#send-code").click();
        page.locator("#code").fill(Outbox.latestCode(outbox, phone));
        page.locator("#sign-in").click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/security$"));

        var staffOnly = browserContext().newPage();
        staffOnly.navigate(url("/admin/clinics"));
        assertThat(staffOnly)
                .hasURL(java.util.regex.Pattern.compile(".*/staff/sign-in\\?continue=%2Fadmin%2Fclinics$"));
    }

    private String registered() {
        String phone = Phones.unique();
        identity.registration()
                .register(
                        new PatientRegistration(
                                "Тестов",
                                "Пётр",
                                null,
                                phone,
                                "1970-01-01",
                                "p-" + UUID.randomUUID() + "@example.ru",
                                identity.registration().termsVersion()),
                        new ClientInfo("127.0.0.1", "test"),
                        url(""),
                        Locale.forLanguageTag("ru"));
        return phone;
    }
}
