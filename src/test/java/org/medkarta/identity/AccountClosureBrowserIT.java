package org.medkarta.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.medkarta.notification.DevOutbox;
import org.medkarta.testing.BrowserSupport;
import org.medkarta.testing.MutableClock;
import org.medkarta.testing.Outbox;
import org.medkarta.testing.Phones;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In a real browser (issue 20): a patient closes their account with the code and registers again
 * with the same phone; a patient without their phone signs in with a code sent by e-mail.
 */
class AccountClosureBrowserIT extends BrowserSupport {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @Autowired
    DevOutbox outbox;

    @Autowired
    MutableClock clock;

    @Test
    void aPatientClosesTheAccountWithTheCodeAndRegistersAgainWithTheSamePhone() {
        String phone = registerInTheBrowser("Закрывашкина", "Мария");
        signInByCode(page, outbox, phone);

        page.navigate(url("/profile"));
        page.locator("#profile-close").click();
        assertThat(page.locator("#close-retention")).containsText("хранится 25 лет");
        phone().locator("#close-send-code").click();
        assertThat(page.locator("#close-code-sent")).isVisible();
        screenshot("close-360px");
        page.setViewportSize(1280, 900);
        page.locator("#code").fill("000000".equals(closeCode(phone)) ? "111111" : "000000");
        page.locator("#close-account").click();
        assertThat(page.locator("#code-error")).containsText("Неверный код");
        page.locator("#code").fill(closeCode(phone));
        screenshot("close-code");
        page.locator("#close-account").click();

        assertThat(page.locator("#account-closed")).hasText("Учётная запись закрыта");
        assertThat(page.locator("#closed-retention")).containsText("25 лет");
        screenshot("closed");
        page.navigate(url("/profile"));
        assertThat(page).hasURL(Pattern.compile(".*/sign-in.*"));

        clock.advance(Duration.ofSeconds(61));
        registerInTheBrowser("Закрывашкина", "Мария", phone);
        signInByCode(page, outbox, phone);
        page.navigate(url("/profile"));
        assertThat(page.locator("#profile-phone")).hasText(phone);
        assertThat(page.locator("#profile-close")).isVisible();
    }

    @Test
    void aPatientWithoutTheirPhoneSignsInWithTheCodeFromTheirEmail() {
        String email = "mailcode-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ru";
        String phone = Phones.unique();
        registerInTheBrowser("Почтовая", "Лада", phone, email);
        page.navigate(Outbox.latestLink(outbox, email));
        assertThat(page.locator("#confirmed")).isVisible();

        page.navigate(url("/sign-in"));
        page.locator("#code-by-email").click();
        assertThat(page.locator("#email-lead")).containsText("подтверждённый адрес электронной почты");
        page.locator("#phone").fill(phone);
        page.locator("#send-code").click();
        assertThat(page.locator("#code-lead-email")).containsText(phone);
        String code = Outbox.to(outbox, email, 2).stream()
                .filter(message ->
                        message.subject() != null && message.subject().contains("Код для входа"))
                .findFirst()
                .map(message -> codeIn(message.body()))
                .orElseThrow();
        org.assertj.core.api.Assertions.assertThat(outbox.sentTo(phone)).isEmpty();
        page.locator("#code").fill(code);
        screenshot("email-code");
        page.locator("#sign-in").click();

        assertThat(page.locator("#nav-profile")).hasText("Лада Почтовая");
    }

    private String registerInTheBrowser(String lastName, String firstName) {
        return registerInTheBrowser(lastName, firstName, Phones.unique());
    }

    private String registerInTheBrowser(String lastName, String firstName, String phone) {
        return registerInTheBrowser(
                lastName,
                firstName,
                phone,
                "again-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ru");
    }

    private String registerInTheBrowser(String lastName, String firstName, String phone, String email) {
        page.navigate(url("/register"));
        page.locator("#lastName").fill(lastName);
        page.locator("#firstName").fill(firstName);
        page.locator("#phone").fill(phone);
        page.locator("#birthDate").fill("1990-04-05");
        page.locator("#email").fill(email);
        page.locator("#acceptTerms").check();
        page.locator("#register").click();
        assertThat(page.locator("#registered-message")).containsText(email);
        return phone;
    }

    private String closeCode(String phone) {
        return Outbox.to(outbox, phone, 1).stream()
                .filter(message -> message.body().contains("закрыт"))
                .findFirst()
                .map(message -> codeIn(message.body()))
                .orElseThrow();
    }

    private static String codeIn(String text) {
        var matcher = CODE.matcher(text);
        org.assertj.core.api.Assertions.assertThat(matcher.find()).as(text).isTrue();
        return matcher.group(1);
    }
}
