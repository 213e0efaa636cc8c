package org.medkarta.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medkarta.shared.ClinicId;
import org.medkarta.testing.Outbox;

/** {@link StaffAccounts}: staff invitations, password rules and reset links through the API (SPEC A4, A8). */
class StaffAccountsIT extends IdentityApiSupport {

    @AfterEach
    void realTime() {
        clock.reset();
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

    private static String problemOf(Runnable action) {
        try {
            action.run();
            return "none";
        } catch (org.medkarta.shared.DomainException refused) {
            return refused.problem();
        }
    }
}
