package org.medkarta.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medkarta.notification.DevOutbox;
import org.medkarta.shared.ClinicId;
import org.medkarta.testing.ApiSupport;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Outbox;
import org.springframework.beans.factory.annotation.Autowired;

/** Staff passwords, lockout, reset links, invitations and TOTP through the API (SPEC A4, A6, A8). */
class StaffSignInIT extends ApiSupport {

    static final String PASSWORD = "Kardio-2026";

    @Autowired
    IdentityFacades identity;

    @Autowired
    DevOutbox outbox;

    @AfterEach
    void realTime() {
        clock.reset();
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
    void aResetLinkIsSingleUseAndExpiresAfterAnHour() {
        String email = invitedStaff();
        post("/api/v1/auth/password-reset", Map.of("email", email));
        String first = token(Outbox.latestLink(outbox, email));
        identity.staff().setPassword(first, "Pervyi-parol-1");

        assertThat(problemOf(() -> identity.staff().setPassword(first, "Vtoroi-parol-2")))
                .isEqualTo("link-expired");

        post("/api/v1/auth/password-reset", Map.of("email", email));
        String second = token(Outbox.latestLink(outbox, email));
        clock.advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(problemOf(() -> identity.staff().setPassword(second, "Tretii-parol-3")))
                .isEqualTo("link-expired");
    }

    @Test
    void passwordsNeedEightCharactersWithDigitsAndBothCases() {
        String email = "weak-" + UUID.randomUUID() + "@clinic.example";
        identity.staff().invite(email, "Слабов", "Пётр", null, Role.DOCTOR, null, "http://localhost", Locale.ENGLISH);
        String token = token(Outbox.latestLink(outbox, email));

        for (String weak : new String[] {"Short1A", "alllowercase1", "ALLUPPERCASE1", "NoDigitsHere"}) {
            assertThat(problemOf(() -> identity.staff().setPassword(token, weak)))
                    .as(weak)
                    .isEqualTo("invalid-input");
        }
        identity.staff().setPassword(token, "Dostatochno-1");
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
    void anInvitationCreatesAStaffAccountWithTheClinicRoleThatSetsItsOwnPassword() {
        var clinic = new ClinicId(UUID.randomUUID());
        String email = "invited-" + UUID.randomUUID() + "@clinic.example";
        identity.staff()
                .invite(
                        email,
                        "Новикова",
                        "Анна",
                        "Павловна",
                        Role.CLINIC_ADMIN,
                        clinic,
                        "http://localhost",
                        Locale.ENGLISH);

        assertThat(login(email, PASSWORD).statusCode()).isEqualTo(401);
        identity.staff().setPassword(token(Outbox.latestLink(outbox, email)), PASSWORD);
        var me = body(getAs(body(login(email, PASSWORD)).get("accessToken").asString(), "/api/v1/me"));

        assertThat(me.get("roles").toString()).contains("CLINIC_ADMIN");
        assertThat(me.get("clinicRoles").get(0).get("clinic").asString())
                .isEqualTo(clinic.value().toString());
        assertThat(me.get("patientId").isNull()).isTrue();
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

    private String invitedStaff() {
        String email = "staff-" + UUID.randomUUID() + "@clinic.example";
        identity.staff()
                .invite(
                        email,
                        "Кузнецов",
                        "Игорь",
                        null,
                        Role.DOCTOR,
                        new ClinicId(UUID.randomUUID()),
                        "http://localhost",
                        Locale.forLanguageTag("ru"));
        identity.staff().setPassword(token(Outbox.latestLink(outbox, email)), PASSWORD);
        return email;
    }

    private java.net.http.HttpResponse<String> login(String email, String password) {
        return post("/api/v1/auth/login", Map.of("email", email, "password", password));
    }

    private static String token(String link) {
        return link.substring(link.indexOf("token=") + "token=".length());
    }

    private static String problemOf(Runnable action) {
        try {
            action.run();
            return "none";
        } catch (org.medkarta.shared.DomainException refused) {
            return refused.problem();
        }
    }
}
