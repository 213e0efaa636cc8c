package org.medkarta.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.testing.WebClientSupport;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@Import(WebShellIT.FailingEndpoints.class)
class WebShellIT extends WebClientSupport {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void homePageIsRussianWhenTheBrowserNamesNoLanguage() {
        var home = get("/");

        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body())
                .contains("lang=\"ru\"")
                .contains("Медицинская карта, запись к врачу и телемедицина в одном месте")
                .contains("Пациентам", "Врачам", "Клиникам")
                .contains("name=\"viewport\" content=\"width=device-width, initial-scale=1\"");
    }

    @Test
    void homePageFollowsAcceptLanguageAmongSupportedLanguages() {
        assertThat(get("/", "Accept-Language", "en-GB,en;q=0.9").body())
                .contains("lang=\"en\"")
                .contains("Your medical record, doctor booking and telemedicine in one place");
        assertThat(get("/", "Accept-Language", "de-DE,fr;q=0.8").body()).contains("lang=\"ru\"");
        assertThat(get("/", "Accept-Language", "de-DE,en;q=0.5").body()).contains("lang=\"en\"");
    }

    @Test
    void languageSwitchIsRememberedInACookieOverAcceptLanguage() {
        var switched = get("/?lang=en", "Accept-Language", "ru");
        var cookie = switched.headers().firstValue("Set-Cookie").orElseThrow();

        assertThat(switched.body()).contains("lang=\"en\"");
        assertThat(cookie)
                .startsWith("medkarta-lang=en")
                .contains("Max-Age=31536000")
                .contains("HttpOnly");
        assertThat(get("/", "Accept-Language", "ru", "Cookie", "medkarta-lang=en")
                        .body())
                .contains("Your medical record");
        assertThat(get("/?lang=xx-invalid", "Accept-Language", "ru").statusCode())
                .isEqualTo(200);
    }

    @Test
    void webjarsAndStylesAreServed() {
        assertThat(get("/webjars/bootstrap/css/bootstrap.min.css").statusCode()).isEqualTo(200);
        assertThat(get("/webjars/bootstrap/js/bootstrap.bundle.min.js").statusCode())
                .isEqualTo(200);
        assertThat(get("/webjars/htmx.org/dist/htmx.min.js").body()).contains("htmx");
        assertThat(get("/css/medkarta.css").statusCode()).isEqualTo(200);
    }

    @Test
    void unknownPageShowsTheNotFoundPageInTheUsersLanguage() {
        var russian = get("/no/such/page", "Accept", "text/html");
        var english = get("/no/such/page", "Accept", "text/html", "Cookie", "medkarta-lang=en");

        assertThat(russian.statusCode()).isEqualTo(404);
        assertThat(russian.body()).contains("Страница не найдена").contains("На главную");
        assertThat(english.statusCode()).isEqualTo(404);
        assertThat(english.body()).contains("Page not found").contains("Go to the home page");
    }

    @Test
    void aPostWithoutCsrfTokenShowsTheForbiddenPage() {
        var refused = send(request("/")
                .header("Accept", "text/html")
                .header("Cookie", "medkarta-lang=en")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Access denied").contains("You may not open this page");
        assertThat(send(request("/").POST(HttpRequest.BodyPublishers.noBody()).build())
                        .body())
                .contains("Доступ запрещён");
    }

    @Test
    void aFailingPageShowsTheErrorPageWithoutAStackTrace() {
        var failed = get("/test/failing-page", "Accept", "text/html");

        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body())
                .contains("Внутренняя ошибка")
                .doesNotContain("IllegalStateException")
                .doesNotContain("secret detail")
                .doesNotContain("at org.medkarta");
    }

    @Test
    void unknownApiPathAnswersProblemJson() {
        var missing = get("/api/v1/no-such-thing", "Accept", "application/json");

        assertProblem(missing, 404, "not-found");
        assertThat(body(missing).get("instance").asString()).isEqualTo("/api/v1/no-such-thing");
    }

    @Test
    void apiProblemsAreProblemJsonWhateverTheClientAccepts() {
        assertProblem(get("/api/v1/no-such-thing", "Accept", "text/html"), 404, "not-found");
        assertProblem(get("/api/v1/no-such-thing"), 404, "not-found");
    }

    @Test
    void wrongMethodOnAnApiPathAnswersMethodNotAllowed() {
        var refused = send(request("/api/v1/dev/outbox")
                .DELETE()
                .header("Accept", "application/json")
                .build());

        assertProblem(refused, 405, "method-not-allowed");
    }

    @Test
    void domainRefusalsKeepTheirNameStatusAndFieldInTheUsersLanguage() {
        var invalid = get("/api/test/invalid", "Accept-Language", "en");
        var notFound = get("/api/test/not-found");

        assertProblem(invalid, 422, "invalid-input");
        assertThat(body(invalid).get("field").asString()).isEqualTo("patientId");
        assertThat(body(invalid).get("detail").asString()).isEqualTo("Malformed identifier.");
        assertProblem(notFound, 404, "not-found");
        assertThat(body(notFound).get("detail").asString()).isEqualTo("Запрошенный ресурс не найден.");
    }

    @Test
    void unexpectedApiFailureAnswersInternalErrorWithoutDetailsOfTheFailure() {
        var failed = get("/api/test/failing");

        assertProblem(failed, 500, "internal-error");
        assertThat(failed.body()).doesNotContain("secret detail").doesNotContain("IllegalStateException");
    }

    @Test
    void domainRefusalOnAPageShowsTheMatchingErrorPage() {
        var missing = get("/test/missing-page", "Accept", "text/html");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Страница не найдена");
    }

    @Test
    void pagesSendSecureHeadersAndAnHttpOnlySameSiteSessionCookie() {
        var signIn = get("/sign-in");

        assertThat(signIn.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(signIn.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(signIn.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(signIn.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("SESSION=")
                        .contains("HttpOnly")
                        .contains("SameSite=Lax"));
        assertThat(signIn.body()).contains("name=\"_csrf\"");
    }

    @Test
    void healthAndPrometheusAreExposed() {
        var health = get("/actuator/health");
        var metrics = get("/actuator/prometheus");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(body(health).get("status").asString()).isEqualTo("UP");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("http_server_requests");
    }

    @Test
    void openApiDocumentIsServed() {
        var document = get("/v3/api-docs");

        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(body(document).get("paths").has("/api/v1/dev/outbox")).isTrue();
    }

    private void assertProblem(HttpResponse<String> response, int status, String name) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        var problem = body(response);
        assertThat(problem.get("type").asString()).isEqualTo("https://medkarta.org/problems/" + name);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
    }

    private JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    @TestConfiguration
    static class FailingEndpoints {

        @Bean
        FailingApi failingApi() {
            return new FailingApi();
        }

        @Bean
        FailingPages failingPages() {
            return new FailingPages();
        }
    }

    @RestController
    static class FailingApi {

        @GetMapping("/api/test/failing")
        String failing() {
            throw new IllegalStateException("secret detail");
        }

        @GetMapping("/api/test/invalid")
        String invalid() {
            throw new InvalidInput("patientId", "validation.id.malformed");
        }

        @GetMapping("/api/test/not-found")
        String notFound() {
            throw new NotFound();
        }
    }

    @Controller
    static class FailingPages {

        @GetMapping("/test/failing-page")
        String failing() {
            throw new IllegalStateException("secret detail");
        }

        @GetMapping("/test/missing-page")
        String missing() {
            throw new NotFound();
        }
    }
}
