package org.medkarta.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medkarta.notification.DevOutbox;
import org.medkarta.testing.ApiSupport;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Outbox;
import org.medkarta.testing.Phones;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link Registration}: patient registration through the API (SPEC A2, seed 000). */
class RegistrationIT extends ApiSupport {

    @Autowired
    IdentityFacades identity;

    @Autowired
    DevOutbox outbox;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void registrationKeepsTheAcceptedTermsWithTimeAndAddressAndEmailsAConfirmationLink() {
        String email = email();
        var created = register(Phones.unique(), email);

        assertThat(created.statusCode()).isEqualTo(201);
        String userId = body(created).get("userId").asString();
        var terms = jdbc.sql("SELECT terms_version, terms_accepted_from FROM identity_account WHERE id = :id")
                .param("id", UUID.fromString(userId))
                .query((row, n) -> row.getString(1) + "|" + row.getString(2))
                .single();
        assertThat(terms).isEqualTo(identity.registration().termsVersion() + "|127.0.0.1");
        assertThat(Outbox.latestLink(outbox, email)).contains("/register/confirm?token=");
        assertThat(identity.accounts()
                        .contact(new org.medkarta.shared.UserId(UUID.fromString(userId)))
                        .orElseThrow()
                        .email())
                .as("no notices go to an unconfirmed address")
                .isNull();
    }

    @Test
    void theConfirmationLinkWorksOnceAndOnlyWithinADay() {
        String email = email();
        var created = body(register(Phones.unique(), email));
        var user = new org.medkarta.shared.UserId(
                UUID.fromString(created.get("userId").asString()));
        String link = Outbox.latestLink(outbox, email);

        assertThat(get(link.substring(link.indexOf("/register"))).body()).contains("id=\"confirmed\"");
        assertThat(get(link.substring(link.indexOf("/register"))).body()).contains("id=\"not-confirmed\"");
        assertThat(identity.accounts().contact(user).orElseThrow().email()).isEqualTo(email);

        String late = email();
        register(Phones.unique(), late);
        String lateLink = Outbox.latestLink(outbox, late);
        clock.advance(Duration.ofHours(24).plusSeconds(1));
        assertThat(get(lateLink.substring(lateLink.indexOf("/register"))).body())
                .contains("id=\"not-confirmed\"");
    }

    @Test
    void aPhoneOrEmailAlreadyRegisteredIsAClearConflict() {
        String phone = Phones.unique();
        String email = email();
        register(phone, email);

        var samePhone = register(phone, email());
        var sameEmail = register(Phones.unique(), email.toUpperCase());

        assertThat(samePhone.statusCode()).isEqualTo(409);
        assertThat(problem(samePhone)).isEqualTo("phone-taken");
        assertThat(sameEmail.statusCode()).isEqualTo(409);
        assertThat(problem(sameEmail)).isEqualTo("email-taken");
    }

    @Test
    void everyWrongFieldIsNamed() {
        var refused = post(
                "/api/v1/patients/register",
                map(
                        "lastName", "Иванов2",
                        "firstName", "",
                        "phone", "+7 495 123-45-67",
                        "birthDate", "1899-12-31",
                        "email", "not-an-email",
                        "termsVersion", "1999-01-01"));

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(problem(refused)).isEqualTo("invalid-input");
        assertThat(body(refused).get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("lastName", "firstName", "phone", "birthDate", "email", "termsVersion");
    }

    @Test
    void namesMayBeCyrillicOrLatinWithHyphensApostrophesAndSpaces() {
        var created = post(
                "/api/v1/patients/register",
                map(
                        "lastName", "Салтыков-Щедрин",
                        "firstName", "D'Artagnan",
                        "patronymic", "Анна Мария",
                        "phone", Phones.unique(),
                        "birthDate", "2000-02-29",
                        "email", email(),
                        "termsVersion", identity.registration().termsVersion()));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    @Test
    void theSignInPagesSpeakRussianAndEnglish() {
        for (String path : new String[] {"/register", "/sign-in", "/staff/sign-in", "/password/reset"}) {
            assertThat(get(path).body()).as(path).contains("lang=\"ru\"").doesNotContain("??");
            assertThat(get(path, "Cookie", "medkarta-lang=en").body())
                    .as(path)
                    .contains("lang=\"en\"")
                    .doesNotContain("??");
        }
        assertThat(get("/register", "Cookie", "medkarta-lang=en").body()).contains("Patient registration");
        assertThat(get("/staff/sign-in", "Cookie", "medkarta-lang=en").body())
                .contains("Sign-in for doctors and staff");
    }

    @Test
    void aMalformedBodyIsABadRequestProblem() {
        var malformed = send(request("/api/v1/patients/register")
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{not json"))
                .build());

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(problem(malformed)).isEqualTo("malformed-request");
    }

    private java.net.http.HttpResponse<String> register(String phone, String email) {
        return post(
                "/api/v1/patients/register",
                Map.of(
                        "lastName",
                        "Петрова",
                        "firstName",
                        "Мария",
                        "phone",
                        phone,
                        "birthDate",
                        "1990-01-15",
                        "email",
                        email,
                        "termsVersion",
                        identity.registration().termsVersion()));
    }

    private static String email() {
        return "reg-" + UUID.randomUUID() + "@example.ru";
    }
}
