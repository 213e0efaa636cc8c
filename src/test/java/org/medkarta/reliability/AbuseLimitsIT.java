package org.medkarta.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.http.HttpResponse;
import java.security.InvalidKeyException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medkarta.identity.Role;
import org.medkarta.notification.DevOutbox;
import org.medkarta.shared.ClinicId;
import org.medkarta.testing.ApiSupport;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Outbox;
import org.medkarta.testing.Phones;
import org.medkarta.testing.TestPatients;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Guessing under 200 parallel attempts stops at each rule, and exactly the rule's number of wrong
 * guesses is evaluated however the attempts interleave (each check locks its counter's row):
 *
 * <ul>
 *   <li>SMS sign-in codes: 5 wrong in a row block sign-in for 24 hours (order 003, §22.1-22.2;
 *       {@code medkarta.identity.otp.max-wrong}, {@code .block});
 *   <li>staff passwords: 3 wrong in a row lock the account until a reset (SPEC A4; {@code
 *       medkarta.identity.passwords.max-wrong});
 *   <li>TOTP codes after the right password count as wrong passwords (SPEC A6), the same 3;
 *   <li>codes confirming a change of rights (seed 001): 5 wrong void the code ({@code
 *       medkarta.access.code-attempts}).
 * </ul>
 */
class AbuseLimitsIT extends ApiSupport {

    static final int ATTEMPTS = 200;
    static final String PASSWORD = "Zamok-2026-ok";

    @Autowired
    IdentityFacades identity;

    @Autowired
    DevOutbox outbox;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void twoHundredParallelWrongSmsCodesAreCountedFiveTimesThenSignInIsBlockedForADay() {
        String phone = Phones.unique();
        TestPatients.register(identity, "Подборов", "Иван", null, phone, "1980-01-02");
        assertThat(post("/api/v1/auth/otp", Map.of("phone", phone)).statusCode())
                .isEqualTo(202);
        String code = Outbox.latestCode(outbox, phone);

        var outcomes = inParallel(
                attempt -> post("/api/v1/auth/otp/verify", Map.of("phone", phone, "code", wrong(code, attempt))));

        print("SMS codes", outcomes);
        assertThat(outcomes).containsOnlyKeys("401 wrong-code", "423 sign-in-blocked");
        assertThat(outcomes.get("401 wrong-code")).isEqualTo(4);
        assertThat(outcomes.get("423 sign-in-blocked")).isEqualTo(ATTEMPTS - 4);
        var right = post("/api/v1/auth/otp/verify", Map.of("phone", phone, "code", code));
        assertThat(right.statusCode()).isEqualTo(423);
        assertThat(right.headers().firstValue("Retry-After").map(Long::parseLong))
                .hasValueSatisfying(seconds -> assertThat(seconds).isBetween(23 * 3600L, 24 * 3600L));
    }

    @Test
    void twoHundredParallelWrongPasswordsAreCountedThreeTimesThenTheAccountIsLocked() {
        String email = staff();

        var outcomes = inParallel(attempt -> login(email, "Wrong-pass-" + attempt, null));

        print("staff passwords", outcomes);
        assertThat(outcomes).containsOnlyKeys("401 bad-credentials", "423 account-locked");
        assertThat(outcomes.get("401 bad-credentials")).isEqualTo(2);
        assertThat(outcomes.get("423 account-locked")).isEqualTo(ATTEMPTS - 2);
        assertThat(login(email, PASSWORD, null).statusCode()).isEqualTo(423);
    }

    @Test
    void twoHundredParallelWrongTotpCodesAfterTheRightPasswordLockTheAccountAfterThree() {
        String email = staff();
        String access = body(login(email, PASSWORD, null)).get("accessToken").asString();
        String secret = body(post("/api/v1/me/totp", Map.of(), "Authorization", "Bearer " + access))
                .get("secret")
                .asString();
        var confirmed = post(
                "/api/v1/me/totp/confirm",
                Map.of("code", totpAt(secret, clock.instant())),
                "Authorization",
                "Bearer " + access);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(204);
        // The enrolment used the current step; the next one is the code a person would type next.
        clock.advance(java.time.Duration.ofSeconds(30));
        String right = totpAt(secret, clock.instant());

        // Every code within the window of one step either side is right: the guesses avoid them all.
        var window = List.of(
                totpAt(secret, clock.instant().minusSeconds(30)),
                right,
                totpAt(secret, clock.instant().plusSeconds(30)));
        var guesses = java.util.stream.IntStream.range(0, 1_000_000)
                .mapToObj(n -> String.format("%06d", n))
                .filter(code -> !window.contains(code))
                .limit(ATTEMPTS)
                .toList();

        var outcomes = inParallel(attempt -> login(email, PASSWORD, guesses.get(attempt)));

        print("TOTP codes", outcomes);
        assertThat(outcomes).containsOnlyKeys("401 bad-credentials", "423 account-locked");
        assertThat(outcomes.get("401 bad-credentials")).isEqualTo(2);
        assertThat(outcomes.get("423 account-locked")).isEqualTo(ATTEMPTS - 2);
        assertThat(login(email, PASSWORD, right).statusCode()).isEqualTo(423);
    }

    @Test
    void twoHundredParallelWrongGrantCodesAreCountedFiveTimesThenTheCodeIsVoid() {
        String phone = Phones.unique();
        var account = TestPatients.register(identity, "Доверов", "Пётр", null, phone, "1980-01-02");
        String token = TestPatients.tokenOf(identity, account, "Пётр");
        var started = post(
                "/api/v1/patients/" + account.patientId().value() + "/grants",
                map("granteePhone", Phones.unique(), "granteeName", "Родственник", "level", "VIEW"),
                "Authorization",
                "Bearer " + token);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        String grant = body(started).get("id").asString();
        String code = Outbox.latestCode(outbox, phone);

        var outcomes = inParallel(attempt -> post(
                "/api/v1/grants/" + grant + "/confirm",
                Map.of("code", wrong(code, attempt)),
                "Authorization",
                "Bearer " + token,
                "Accept-Language",
                "en"));

        print("grant codes", outcomes);
        assertThat(outcomes)
                .containsOnlyKeys(
                        "422 invalid-input: Wrong code",
                        "422 invalid-input: Too many wrong codes",
                        "422 invalid-input: The code has expired");
        assertThat(outcomes.get("422 invalid-input: Wrong code")).isEqualTo(4);
        assertThat(outcomes.get("422 invalid-input: Too many wrong codes")).isEqualTo(1);
        assertThat(outcomes.get("422 invalid-input: The code has expired")).isEqualTo(ATTEMPTS - 5);
        var right = post(
                "/api/v1/grants/" + grant + "/confirm",
                Map.of("code", code),
                "Authorization",
                "Bearer " + token,
                "Accept-Language",
                "en");
        assertThat(right.statusCode()).isEqualTo(422);
        assertThat(body(right).get("detail").asString()).startsWith("The code has expired");
    }

    /**
     * Runs {@link #ATTEMPTS} attempts at once (all threads released together) and counts their
     * outcomes by status and problem name (and, for 422, the start of the English detail).
     */
    private Map<String, Integer> inParallel(IntFunction<HttpResponse<String>> attempt) {
        var outcomes = new ConcurrentHashMap<String, Integer>();
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(ATTEMPTS);
        try {
            var futures = new java.util.ArrayList<Future<?>>();
            for (int i = 0; i < ATTEMPTS; i++) {
                int number = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    var response = attempt.apply(number);
                    outcomes.merge(outcome(response), 1, Integer::sum);
                    return null;
                }));
            }
            start.countDown();
            for (var future : futures) {
                future.get(120, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new AssertionError("an attempt failed", e);
        } finally {
            pool.shutdownNow();
        }
        return new TreeMap<>(outcomes);
    }

    private String outcome(HttpResponse<String> response) {
        if (response.statusCode() < 400) {
            return response.statusCode() + " accepted";
        }
        String name = problem(response);
        if (response.statusCode() == 422) {
            String detail = body(response).get("detail").asString();
            for (String start : List.of("Wrong code", "Too many wrong codes", "The code has expired")) {
                if (detail.startsWith(start)) {
                    return "422 " + name + ": " + start;
                }
            }
            return "422 " + name + ": " + detail;
        }
        return response.statusCode() + " " + name;
    }

    private static void print(String what, Map<String, Integer> outcomes) {
        System.out.printf("[reliability] %s, %d parallel wrong attempts: %s%n", what, ATTEMPTS, outcomes);
    }

    /** A six-digit code that is not {@code right}, different for each attempt. */
    private static String wrong(String right, int attempt) {
        int candidate = (Integer.parseInt(right) + 1 + attempt) % 1_000_000;
        return String.format("%06d", candidate);
    }

    private HttpResponse<String> login(String email, String password, String totp) {
        var body = new java.util.HashMap<String, Object>(Map.of("email", email, "password", password));
        if (totp != null) {
            body.put("totp", totp);
        }
        return post("/api/v1/auth/login", body);
    }

    /** A doctor of some clinic with their own password. */
    private String staff() {
        String email = "guess-" + UUID.randomUUID() + "@clinic.example";
        identity.staff()
                .invite(
                        email,
                        "Замков",
                        "Игорь",
                        null,
                        Role.DOCTOR,
                        new ClinicId(UUID.randomUUID()),
                        "http://localhost",
                        Locale.ENGLISH);
        String link = Outbox.latestLink(outbox, email);
        identity.staff().setPassword(link.substring(link.indexOf("token=") + "token=".length()), PASSWORD);
        return email;
    }

    /** The code an authenticator app shows at a moment (RFC 6238 with the app's defaults). */
    private static String totpAt(String base32Secret, Instant at) {
        var generator = new TimeBasedOneTimePasswordGenerator();
        try {
            return String.format(
                    "%06d",
                    generator.generateOneTimePassword(
                            new SecretKeySpec(unbase32(base32Secret), generator.getAlgorithm()), at));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] unbase32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.replace("=", "").toUpperCase(Locale.ROOT).toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xFF);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
