package org.medkarta.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medkarta.shared.ClinicId;
import org.medkarta.testing.Outbox;
import org.medkarta.testing.Phones;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link SignIn} through the public API: by one-time SMS code (SPEC A5; order 003 §12-14, §22), by
 * password with lockout and TOTP (A4, A6) and through ESIA (A3).
 */
class SignInIT extends IdentityApiSupport {

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void registeredPatientSignsInWithTheCodeFromTheSmsAndSeesTheirRecordInMe() {
        String phone = register();

        var sent = post("/api/v1/auth/otp", Map.of("phone", phone));
        assertThat(sent.statusCode()).isEqualTo(202);
        assertThat(body(sent).get("expiresInSeconds").asLong()).isEqualTo(900);
        assertThat(body(sent).get("resendAfterSeconds").asLong()).isEqualTo(60);

        var tokens = post("/api/v1/auth/otp/verify", Map.of("phone", phone, "code", Outbox.latestCode(outbox, phone)));
        assertThat(tokens.statusCode()).isEqualTo(200);
        assertThat(body(tokens).get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(body(tokens).get("expiresIn").asLong()).isEqualTo(900);

        var me = getAs(body(tokens).get("accessToken").asString(), "/api/v1/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(body(me).get("roles").toString()).contains("PATIENT");
        String patientId = body(me).get("patientId").asString();
        assertThat(body(me).get("records").get(0).get("patientId").asString()).isEqualTo(patientId);
    }

    @Test
    void russianDomesticNotationIsTheSamePhone() {
        String phone = register();
        String domestic = "8 (" + phone.substring(2, 5) + ") " + phone.substring(5, 8) + "-" + phone.substring(8, 10)
                + "-" + phone.substring(10);

        assertThat(post("/api/v1/auth/otp", Map.of("phone", domestic)).statusCode())
                .isEqualTo(202);
        assertThat(Outbox.to(outbox, phone, 1)).hasSize(1);
    }

    @Test
    void theCodeIsStoredOnlyAsASaltedHash() {
        String phone = register();
        post("/api/v1/auth/otp", Map.of("phone", phone));
        String code = Outbox.latestCode(outbox, phone);

        var stored = jdbc.sql("SELECT code_hash, code_salt FROM identity_otp WHERE phone = :phone")
                .param("phone", phone)
                .query((row, n) -> row.getString(1) + "|" + row.getString(2))
                .single();

        assertThat(stored).doesNotContain(code).hasSize(64 + 1 + 32);
    }

    @Test
    void aCodeIsSingleUse() {
        String phone = register();
        post("/api/v1/auth/otp", Map.of("phone", phone));
        String code = Outbox.latestCode(outbox, phone);

        assertThat(post("/api/v1/auth/otp/verify", Map.of("phone", phone, "code", code))
                        .statusCode())
                .isEqualTo(200);
        var again = post("/api/v1/auth/otp/verify", Map.of("phone", phone, "code", code));

        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(problem(again)).isEqualTo("code-expired");
    }

    @Test
    void aCodeNotEnteredWithinFifteenMinutesExpires() {
        String phone = register();
        post("/api/v1/auth/otp", Map.of("phone", phone));
        String code = Outbox.latestCode(outbox, phone);

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        var late = post("/api/v1/auth/otp/verify", Map.of("phone", phone, "code", code));

        assertThat(late.statusCode()).isEqualTo(410);
        assertThat(problem(late)).isEqualTo("code-expired");
    }

    @Test
    void aRefusedResendNeverSaysZeroSecondsButRoundsTheWaitUp() {
        String phone = register();
        post("/api/v1/auth/otp", Map.of("phone", phone));

        clock.advance(Duration.ofSeconds(59).plusMillis(500));
        var tooSoon = post("/api/v1/auth/otp", Map.of("phone", phone), "Accept-Language", "ru");

        assertThat(tooSoon.statusCode()).isEqualTo(429);
        assertThat(tooSoon.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(body(tooSoon).get("retryAfterSeconds").asLong()).isEqualTo(1);
        assertThat(body(tooSoon).get("detail").asString()).contains("через 1 с").doesNotContain(" 0 с");
    }

    @Test
    void aNewCodeVoidsThePreviousOneAndResendingSoonerThanAMinuteIsRefused() {
        String phone = register();
        post("/api/v1/auth/otp", Map.of("phone", phone));
        String first = Outbox.latestCode(outbox, phone);

        var tooSoon = post("/api/v1/auth/otp", Map.of("phone", phone));
        assertThat(tooSoon.statusCode()).isEqualTo(429);
        assertThat(problem(tooSoon)).isEqualTo("resend-too-soon");
        assertThat(tooSoon.headers().firstValue("Retry-After")).isPresent();

        clock.advance(Duration.ofSeconds(61));
        assertThat(post("/api/v1/auth/otp", Map.of("phone", phone)).statusCode())
                .isEqualTo(202);
        String second = Outbox.to(outbox, phone, 2).get(0).body().replaceAll("\\D*(\\d{6}).*", "$1");

        if (!first.equals(second)) {
            assertThat(post("/api/v1/auth/otp/verify", Map.of("phone", phone, "code", first))
                            .statusCode())
                    .isEqualTo(401);
        }
        assertThat(post("/api/v1/auth/otp/verify", Map.of("phone", phone, "code", second))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void fiveWrongCodesInARowBlockSignInForADayEvenWithTheRightCode() {
        String phone = register();
        post("/api/v1/auth/otp", Map.of("phone", phone));
        String right = Outbox.latestCode(outbox, phone);
        String wrong = right.equals("000000") ? "111111" : "000000";

        for (int attemptsLeft = 4; attemptsLeft >= 1; attemptsLeft--) {
            var refused = post("/api/v1/auth/otp/verify", Map.of("phone", phone, "code", wrong));
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(problem(refused)).isEqualTo("wrong-code");
            assertThat(body(refused).get("attemptsLeft").asInt()).isEqualTo(attemptsLeft);
        }
        var fifth = post("/api/v1/auth/otp/verify", Map.of("phone", phone, "code", wrong));
        assertThat(fifth.statusCode()).isEqualTo(423);
        assertThat(problem(fifth)).isEqualTo("sign-in-blocked");
        assertThat(fifth.headers().firstValue("Retry-After"))
                .hasValue(String.valueOf(Duration.ofDays(1).toSeconds()));

        assertThat(post("/api/v1/auth/otp/verify", Map.of("phone", phone, "code", right))
                        .statusCode())
                .isEqualTo(423);
        assertThat(post("/api/v1/auth/otp", Map.of("phone", phone)).statusCode())
                .isEqualTo(423);

        clock.advance(Duration.ofHours(24).plusSeconds(1));
        assertThat(post("/api/v1/auth/otp", Map.of("phone", phone)).statusCode())
                .isEqualTo(202);
        String fresh = Outbox.to(outbox, phone, 2).get(0).body().replaceAll("\\D*(\\d{6}).*", "$1");
        assertThat(post("/api/v1/auth/otp/verify", Map.of("phone", phone, "code", fresh))
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void twoHundredParallelWrongGuessesCheckAtMostFiveCodes() throws Exception {
        String phone = register();
        post("/api/v1/auth/otp", Map.of("phone", phone));
        String right = Outbox.latestCode(outbox, phone);
        var client = new ClientInfo("127.0.0.1", "guesser");
        Callable<String> guess = () -> {
            try {
                identity.signIn().signInWithCode(phone, right.equals("000000") ? "999999" : "000000", client);
                return "accepted";
            } catch (IdentityRefusal refusal) {
                return refusal.problem();
            }
        };

        var pool = Executors.newFixedThreadPool(32);
        List<String> outcomes;
        try {
            outcomes = pool.invokeAll(java.util.Collections.nCopies(200, guess)).stream()
                    .map(future -> {
                        try {
                            return future.get();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
        } finally {
            pool.shutdownNow();
        }

        long checked = outcomes.stream().filter("wrong-code"::equals).count() + 1; // + the guess that blocked
        assertThat(outcomes).doesNotContain("accepted");
        assertThat(checked).isLessThanOrEqualTo(5);
        assertThat(outcomes.stream().filter("wrong-code"::equals).count()).isEqualTo(4);
        assertThat(outcomes.stream().filter("sign-in-blocked"::equals).count()).isEqualTo(196);
        assertThat(post("/api/v1/auth/otp/verify", Map.of("phone", phone, "code", right))
                        .statusCode())
                .isEqualTo(423);
    }

    @Test
    void anUnregisteredPhoneGetsTheSameAnswerAndNoSms() {
        String stranger = Phones.unique();

        var answer = post("/api/v1/auth/otp", Map.of("phone", stranger));

        assertThat(answer.statusCode()).isEqualTo(202);
        assertThat(body(answer).get("expiresInSeconds").asLong()).isEqualTo(900);
        assertThat(outbox.sentTo(stranger)).isEmpty();
        var guess = post("/api/v1/auth/otp/verify", Map.of("phone", stranger, "code", "123456"));
        assertThat(guess.statusCode()).isEqualTo(401);
        assertThat(problem(guess)).isEqualTo("wrong-code");
    }

    @Test
    void malformedPhoneOrCodeIsInvalidInputNamingTheField() {
        var phone = post("/api/v1/auth/otp", Map.of("phone", "12"));
        var code = post("/api/v1/auth/otp/verify", Map.of("phone", Phones.unique(), "code", "12ab"));

        assertThat(phone.statusCode()).isEqualTo(422);
        assertThat(body(phone).get("field").asString()).isEqualTo("phone");
        assertThat(code.statusCode()).isEqualTo(422);
        assertThat(body(code).get("field").asString()).isEqualTo("code");
    }

    @Test
    void threeWrongPasswordsInARowLockTheAccountUntilAResetThroughTheEmailedLink() {
        String email = invitedStaff();

        assertThat(problem(login(email, "Wrong-pass-1"))).isEqualTo("bad-credentials");
        assertThat(problem(login(email, "Wrong-pass-2"))).isEqualTo("bad-credentials");
        var third = login(email, "Wrong-pass-3");
        assertThat(third.statusCode()).isEqualTo(423);
        assertThat(problem(third)).isEqualTo("account-locked");

        assertThat(login(email, PASSWORD).statusCode()).isEqualTo(423);
        String reset = Outbox.latestLink(outbox, email);
        assertThat(reset).contains("/password/set?token=");

        identity.staff().setPassword(token(reset), "Novyi-parol-7");
        assertThat(login(email, "Novyi-parol-7").statusCode()).isEqualTo(200);
        assertThat(login(email, PASSWORD).statusCode()).isEqualTo(401);
    }

    @Test
    void aCorrectPasswordResetsTheCountOfWrongOnes() {
        String email = invitedStaff();
        login(email, "Wrong-pass-1");
        login(email, "Wrong-pass-2");
        assertThat(login(email, PASSWORD).statusCode()).isEqualTo(200);

        assertThat(problem(login(email, "Wrong-pass-3"))).isEqualTo("bad-credentials");
        assertThat(problem(login(email, "Wrong-pass-4"))).isEqualTo("bad-credentials");
        assertThat(login(email, PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownEmailIsRefusedLikeAWrongPassword() {
        var unknown = login("nobody-" + UUID.randomUUID() + "@example.ru", PASSWORD);

        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(problem(unknown)).isEqualTo("bad-credentials");
    }

    @Test
    void withTotpSwitchedOnSignInNeedsTheCurrentCodeAndACodeWorksOnlyOnce() {
        String email = invitedStaff();
        String access = body(login(email, PASSWORD)).get("accessToken").asString();
        var enrolment = body(post("/api/v1/me/totp", Map.of(), "Authorization", "Bearer " + access));
        String secret = enrolment.get("secret").asString();
        assertThat(enrolment.get("otpauthUri").asString()).startsWith("otpauth://totp/Medkarta:");
        assertThat(post("/api/v1/me/totp/confirm", Map.of("code", "000000"), "Authorization", "Bearer " + access)
                        .statusCode())
                .isIn(204, 422);
        var confirmed = post(
                "/api/v1/me/totp/confirm",
                Map.of("code", Totp.codeAt(secret, clock.instant().plusSeconds(30))),
                "Authorization",
                "Bearer " + access);
        assertThat(confirmed.statusCode()).isEqualTo(204);

        assertThat(problem(login(email, PASSWORD))).isEqualTo("totp-required");
        clock.advance(Duration.ofSeconds(60));
        String code = Totp.codeAt(secret, clock.instant());
        assertThat(post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD, "totp", code))
                        .statusCode())
                .isEqualTo(200);
        assertThat(problem(post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD, "totp", code))))
                .isEqualTo("bad-credentials");
    }

    @Test
    void aClinicThatRequiresTotpKeepsItsStaffWithoutOneOutOfTheApi() {
        var clinic = new ClinicId(UUID.randomUUID());
        String email = "policy-" + UUID.randomUUID() + "@clinic.example";
        identity.staff()
                .invite(email, "Строгий", "Олег", null, Role.DOCTOR, clinic, "http://localhost", Locale.ENGLISH);
        identity.staff().setPassword(token(Outbox.latestLink(outbox, email)), PASSWORD);
        assertThat(login(email, PASSWORD).statusCode()).isEqualTo(200);

        identity.staff().requireTotp(clinic, true);
        var refused = login(email, PASSWORD);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(problem(refused)).isEqualTo("totp-enrolment-required");
        identity.staff().requireTotp(clinic, false);
        assertThat(login(email, PASSWORD).statusCode()).isEqualTo(200);
    }

    @Test
    void theBootstrapAndDemoAccountsCanSignIn() {
        assertThat(login("admin@demo.medkarta.org", "Demo-admin-1").statusCode())
                .isEqualTo(200);
        assertThat(login("doctor@demo.medkarta.org", "Demo-doctor-1").statusCode())
                .isEqualTo(200);
    }

    @Test
    void esiaLinksByTheSameSnilsAndKeepsTheLink() {
        String phone = Phones.unique();
        var client = new ClientInfo("127.0.0.1", "test");
        String subject = "esia-" + UUID.randomUUID();
        var claims = new EsiaClaims(subject, "Лебедев", "Антон", null, "1980-01-01", "112-233-445 95", phone, null);
        String first = identity.signIn().linkEsia(claims, client);
        String again = identity.signIn()
                .linkEsia(
                        new EsiaClaims(subject, "Лебедев", "Антон", null, "1980-01-01", null, Phones.unique(), null),
                        client);

        assertThat(first).isEqualTo(phone);
        assertThat(again).as("the same ESIA subject is the same patient").isEqualTo(phone);
    }
}
