package org.medkarta.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.testing.ApiSupport;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Phones;
import org.medkarta.testing.TestClinics;
import org.medkarta.testing.TestPatients;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Text that cannot be stored (NUL and the other C0 controls but tab, LF and CR, unpaired surrogates,
 * U+FFFE/FFFF) is refused at the boundary with 422 {@code invalid-input} naming the field, in JSON
 * bodies, query and form parameters, multipart fields and path variables, signed in or not
 * (issue 12, finding 2), where PostgreSQL used to refuse it with a 500.
 */
class UnstorableTextIT extends ApiSupport {

    @Autowired
    private IdentityFacades identity;

    @Autowired
    private ClinicFacades clinics;

    private void assertRefused(HttpResponse<String> answer, String field) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
        assertThat(answer.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(problem(answer)).isEqualTo("invalid-input");
        assertThat(body(answer).get("field").asString()).isEqualTo(field);
        assertThat(answer.body()).doesNotContain("Exception");
    }

    /** An administrator of the clinic, with an API token. */
    private String administrator(ClinicId clinic) {
        var id = identity.staff()
                .invite(
                        "adm-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ru",
                        "Админов",
                        "Олег",
                        null,
                        Role.CLINIC_ADMIN,
                        clinic,
                        "http://localhost",
                        Locale.ENGLISH);
        return identity.tokens()
                .tokensFor(new SignedInUser(
                        id, "Админ", null, List.of(new RoleGrant(Role.CLINIC_ADMIN, clinic)), "PASSWORD"))
                .accessToken();
    }

    @Test
    void aNulInTheEmailOfAStaffSignInIsRefusedNamingTheField() {
        assertRefused(post("/api/v1/auth/login", Map.of("email", "a\u0000@example.ru", "password", "x")), "email");
        assertRefused(
                post("/api/v1/auth/login", Map.of("email", "a@example.ru", "password", "pa\u0000ss")), "password");
    }

    @Test
    void aNulInAPasswordResetRequestIsRefusedNamingTheField() {
        assertRefused(post("/api/v1/auth/password-reset", Map.of("email", "\u0000@example.ru")), "email");
    }

    @Test
    void otherControlCharactersUnpairedSurrogatesAndNonCharactersAreRefusedToo() {
        for (String bad :
                List.of("\u0001", "\u0008", "\u001b[31m", "\u001f", "x\ud800", "\udc00x", "\ufffe", "\uffff")) {
            assertRefused(post("/api/v1/auth/otp", Map.of("phone", "+7999" + bad)), "phone");
        }
    }

    @Test
    void tabLineFeedCarriageReturnAndPairedSurrogatesAreOrdinaryText() {
        var answer = post("/api/v1/auth/login", Map.of("email", "a\t\r\n😀@example.ru", "password", "x"));
        assertThat(answer.statusCode()).as(answer.body()).isNotEqualTo(422).isLessThan(500);
    }

    @Test
    void aNulInTheTextOfAClinicDocumentIsRefusedNamingTheField() {
        var clinic = TestClinics.register(clinics, "Клиника управляющих символов");
        String admin = administrator(clinic.id());
        var answer = post(
                "/api/v1/clinics/" + clinic.id().value() + "/documents/offer",
                Map.of("text", "Оферта\u0000"),
                "Authorization",
                "Bearer " + admin);
        assertRefused(answer, "text");
    }

    @Test
    void aStringInsideAListIsNamedByItsPath() {
        var clinic = TestClinics.register(clinics, "Клиника списков");
        String admin = administrator(clinic.id());
        var answer = post(
                "/api/v1/clinics/" + clinic.id().value() + "/doctors",
                Map.of(
                        "email", "d@example.ru",
                        "lastName", "Врачев",
                        "firstName", "Иван",
                        "specialties", List.of("therapist", "bad\u0000")),
                "Authorization",
                "Bearer " + admin);
        assertRefused(answer, "specialties[1]");
    }

    @Test
    void aNulInAQueryParameterIsRefusedNamingIt() {
        assertRefused(get("/api/v1/doctors?q=%D0%B8%00", "Accept", "application/json"), "q");
    }

    @Test
    void aControlCharacterInAPathVariableIsRefusedNamingIt() {
        String phone = Phones.unique();
        var account = TestPatients.register(identity, "Путев", "Пётр", null, phone, "1980-01-02");
        String token = TestPatients.tokenOf(identity, account, "Пётр");
        assertRefused(getAs(token, "/api/v1/grants/abc%01def"), "id");
    }

    @Test
    void aControlCharacterInAMultipartFieldIsRefusedNamingIt() {
        String phone = Phones.unique();
        var account = TestPatients.register(identity, "Файлов", "Пётр", null, phone, "1980-01-02");
        String token = TestPatients.tokenOf(identity, account, "Пётр");
        var answer = multipart(
                token,
                "/api/v1/patients/" + account.patientId().value() + "/documents",
                Map.of("title", "Анализ\u0007"),
                "analysis.pdf",
                "%PDF-1.4\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        assertRefused(answer, "title");
    }

    @Test
    void aNulInASignInFormOnAPageAnswersAnErrorPageNamingTheFieldWith422() {
        var answer = send(request("/password/reset")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .header("Cookie", "medkarta-lang=ru")
                .POST(HttpRequest.BodyPublishers.ofString("email=a%00%40example.ru"))
                .build());
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("«email»").doesNotContain("Exception");

        var signIn = send(request("/sign-in")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString("phone=%2B7999%00"))
                .build());
        assertThat(signIn.statusCode()).isEqualTo(422);
    }
}
