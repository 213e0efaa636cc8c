package org.medkarta.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medkarta.notification.DevOutbox;
import org.medkarta.testing.ApiSupport;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Outbox;
import org.medkarta.testing.Phones;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The e-mail fallback for sign-in codes (SPEC A5, issue 20; seed 001: «резервный способ получения
 * кода через электронную почту»): e-mails go through the outbox and real SMTP to GreenMail, where
 * this test reads them as a patient reads their mailbox; SMS codes still go to the dev outbox.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // Delivered on the request's own thread after commit, so the mailbox has it when the answer comes.
            "medkarta.notification.dispatch.after-commit=inline",
            "medkarta.notification.mail.gateway=smtp",
            "medkarta.notification.mail.from=Медкарта <no-reply@medkarta.test>"
        })
class EmailCodeIT extends ApiSupport {

    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final Pattern LINK = Pattern.compile("(https?://\\S+)");

    @Autowired
    IdentityFacades identity;

    @Autowired
    DevOutbox outbox;

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        SMTP.start();
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void theCodeGoesToTheConfirmedAddressAndSignsThepatientIn() throws Exception {
        var patient = registered(true);

        var sent = post("/api/v1/auth/otp", Map.of("phone", patient.phone(), "channel", "email"));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);
        assertThat(body(sent).get("expiresInSeconds").asLong()).isEqualTo(900);
        assertThat(body(sent).get("resendAfterSeconds").asLong()).isEqualTo(60);
        var mail = newest(patient.email(), "Код для входа");
        assertThat(mail.getSubject()).isEqualTo("Код для входа в Медкарту");
        String code = code(mail);
        assertThat(outbox.sentTo(patient.phone()))
                .noneMatch(message -> message.body().contains(code));

        var tokens = post("/api/v1/auth/otp/verify", Map.of("phone", patient.phone(), "code", code));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        var me = getAs(body(tokens).get("accessToken").asString(), "/api/v1/me");
        assertThat(body(me).get("patientId").asString())
                .isEqualTo(patient.account().patientId().value().toString());
        var again = post("/api/v1/auth/otp/verify", Map.of("phone", patient.phone(), "code", code));
        assertThat(again.statusCode()).isEqualTo(410);
    }

    @Test
    void anUnknownPhoneAndAnAccountWithoutAConfirmedAddressGetTheSameAnswerAsTheSmsPathAndNoMessage() throws Exception {
        var unconfirmed = registered(false);
        String unknown = Phones.unique();
        int mailsBefore = SMTP.getReceivedMessages().length;

        var sms = post("/api/v1/auth/otp", Map.of("phone", Phones.unique()));
        var toUnknown = post("/api/v1/auth/otp", Map.of("phone", unknown, "channel", "email"));
        var toUnconfirmed = post("/api/v1/auth/otp", Map.of("phone", unconfirmed.phone(), "channel", "email"));

        for (var answer : List.of(toUnknown, toUnconfirmed)) {
            assertThat(answer.statusCode()).isEqualTo(sms.statusCode()).isEqualTo(202);
            assertThat(answer.body()).isEqualTo(sms.body());
        }
        assertThat(SMTP.getReceivedMessages()).hasSize(mailsBefore);
        assertThat(outbox.sentTo(unknown)).isEmpty();
        assertThat(outbox.sentTo(unconfirmed.phone())).isEmpty();
        // Nothing the unconfirmed account could guess signs it in.
        var guess = post("/api/v1/auth/otp/verify", Map.of("phone", unconfirmed.phone(), "code", "123456"));
        assertThat(guess.statusCode()).isIn(401, 410);
    }

    @Test
    void aNewCodeByEitherChannelVoidsTheOldAndTheCodeExpiresAfterFifteenMinutes() throws Exception {
        var patient = registered(true);
        clock.freezeAt(clock.instant());
        assertThat(post("/api/v1/auth/otp", Map.of("phone", patient.phone())).statusCode())
                .isEqualTo(202);
        String bySms = Outbox.latestCode(outbox, patient.phone());

        // The resend pause is the phone's: switching channel does not skip it.
        var tooSoon = post("/api/v1/auth/otp", Map.of("phone", patient.phone(), "channel", "email"));
        assertThat(tooSoon.statusCode()).isEqualTo(429);
        assertThat(problem(tooSoon)).isEqualTo("resend-too-soon");

        clock.advance(Duration.ofSeconds(61));
        assertThat(post("/api/v1/auth/otp", Map.of("phone", patient.phone(), "channel", "email"))
                        .statusCode())
                .isEqualTo(202);
        String byEmail = code(newest(patient.email(), "Код для входа"));
        if (!bySms.equals(byEmail)) {
            var old = post("/api/v1/auth/otp/verify", Map.of("phone", patient.phone(), "code", bySms));
            assertThat(old.statusCode()).isEqualTo(401);
            assertThat(problem(old)).isEqualTo("wrong-code");
        }

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        var late = post("/api/v1/auth/otp/verify", Map.of("phone", patient.phone(), "code", byEmail));
        assertThat(late.statusCode()).isEqualTo(410);
        assertThat(problem(late)).isEqualTo("code-expired");
    }

    @Test
    void wrongCodesCountAcrossBothChannelsAndTheFifthBlocksBothForTwentyFourHours() throws Exception {
        var patient = registered(true);
        clock.freezeAt(clock.instant());
        assertThat(post("/api/v1/auth/otp", Map.of("phone", patient.phone())).statusCode())
                .isEqualTo(202);
        String bySms = Outbox.latestCode(outbox, patient.phone());
        var attemptsLeft = new ArrayList<Long>();
        for (int i = 0; i < 3; i++) {
            var wrong = post("/api/v1/auth/otp/verify", Map.of("phone", patient.phone(), "code", other(bySms)));
            assertThat(wrong.statusCode()).isEqualTo(401);
            attemptsLeft.add(body(wrong).get("attemptsLeft").asLong());
        }

        // Switching to e-mail gives a new code but no new guesses.
        clock.advance(Duration.ofSeconds(61));
        assertThat(post("/api/v1/auth/otp", Map.of("phone", patient.phone(), "channel", "email"))
                        .statusCode())
                .isEqualTo(202);
        String byEmail = code(newest(patient.email(), "Код для входа"));
        var fourth = post("/api/v1/auth/otp/verify", Map.of("phone", patient.phone(), "code", other(byEmail)));
        attemptsLeft.add(body(fourth).get("attemptsLeft").asLong());
        assertThat(attemptsLeft).containsExactly(4L, 3L, 2L, 1L);
        var fifth = post("/api/v1/auth/otp/verify", Map.of("phone", patient.phone(), "code", other(byEmail)));
        assertThat(fifth.statusCode()).isEqualTo(423);
        assertThat(problem(fifth)).isEqualTo("sign-in-blocked");

        // Blocked on both channels: no code is sent, and even the right one is refused.
        int mails = SMTP.getReceivedMessages().length;
        int texts = outbox.sentTo(patient.phone()).size();
        clock.advance(Duration.ofMinutes(2));
        for (String channel : List.of("email", "sms")) {
            var refused = post("/api/v1/auth/otp", Map.of("phone", patient.phone(), "channel", channel));
            assertThat(refused.statusCode()).as(channel).isEqualTo(423);
            assertThat(problem(refused)).isEqualTo("sign-in-blocked");
        }
        assertThat(SMTP.getReceivedMessages()).hasSize(mails);
        assertThat(outbox.sentTo(patient.phone())).hasSize(texts);

        clock.advance(Duration.ofHours(24));
        assertThat(post("/api/v1/auth/otp", Map.of("phone", patient.phone(), "channel", "email"))
                        .statusCode())
                .isEqualTo(202);
        var signedIn = post(
                "/api/v1/auth/otp/verify",
                Map.of("phone", patient.phone(), "code", code(newest(patient.email(), "Код для входа"))));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
    }

    @Test
    void aChannelThatIsNeitherSmsNorEmailIsRefusedByName() {
        var answer = post("/api/v1/auth/otp", Map.of("phone", Phones.unique(), "channel", "pigeon"));
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(problem(answer)).isEqualTo("invalid-input");
        assertThat(body(answer).get("errors").get(0).get("field").asString()).isEqualTo("channel");
        var english = post(
                "/api/v1/auth/otp", Map.of("phone", Phones.unique(), "channel", "pigeon"), "Accept-Language", "en");
        assertThat(english.body()).contains("by SMS (sms) or by e-mail (email)");
    }

    @Test
    void theEnglishMailIsInEnglish() throws Exception {
        var patient = registered(true);
        var sent =
                post("/api/v1/auth/otp", Map.of("phone", patient.phone(), "channel", "email"), "Accept-Language", "en");
        assertThat(sent.statusCode()).isEqualTo(202);
        var mail = newest(patient.email(), "sign-in code");
        assertThat(((String) mail.getContent())).contains("valid for 15 minutes");
    }

    // ---------------------------------------------------------------- helpers

    record Patient(Registered account, String phone, String email) {}

    /** A registered patient, with the e-mail confirmed through the link that came by SMTP, or not. */
    private Patient registered(boolean confirmed) throws Exception {
        String phone = Phones.unique();
        String email = "fallback-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ru";
        var account = identity.registration()
                .register(
                        new PatientRegistration(
                                "Почтова",
                                "Зоя",
                                null,
                                phone,
                                "1985-03-04",
                                email,
                                identity.registration().termsVersion()),
                        new ClientInfo("127.0.0.1", "test"),
                        "http://localhost",
                        Locale.forLanguageTag("ru"));
        if (confirmed) {
            var matcher = LINK.matcher(text(newest(email, "Подтвердите")));
            assertThat(matcher.find()).isTrue();
            String link = matcher.group(1);
            identity.registration().confirmEmail(link.substring(link.indexOf("token=") + 6));
        }
        return new Patient(account, phone, email);
    }

    /** The newest e-mail to the address whose subject contains {@code subject}, waiting a little for it. */
    private static MimeMessage newest(String address, String subject) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            MimeMessage found = null;
            for (MimeMessage message : SMTP.getReceivedMessages()) {
                if (message.getAllRecipients()[0].toString().equals(address)
                        && message.getSubject().contains(subject)) {
                    found = message;
                }
            }
            if (found != null) {
                return found;
            }
            if (System.nanoTime() > until) {
                throw new AssertionError("no e-mail «" + subject + "» reached " + address);
            }
            Thread.sleep(50);
        }
    }

    private static String text(MimeMessage message) throws Exception {
        return ((String) message.getContent()).replace("\r\n", "\n");
    }

    private static String code(MimeMessage message) throws Exception {
        var matcher = CODE.matcher(text(message));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    private static String other(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }
}
