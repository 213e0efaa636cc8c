package org.medkarta.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.UserId;
import org.medkarta.testing.ApiSupport;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The ministry's ICD-10 file from {@code ../shared/data/mkb10/} or {@code
 * MEDKARTA_TERMINOLOGY_ICD10DIRECTORY} (never in the repository): import,
 * idempotent re-import, search by code and by Russian words, the API, and refused files.
 */
class TerminologyIT extends ApiSupport {

    /** Where the application looks too: {@code medkarta.terminology.icd10-directory}, by its environment name. */
    static final Path FILE = Path.of(java.util.Objects.requireNonNullElse(
                    System.getenv("MEDKARTA_TERMINOLOGY_ICD10DIRECTORY"), "../shared/data/mkb10"))
            .resolve("1.2.643.5.1.13.13.11.1005_2.27.csv");

    static final SignedInUser ADMIN = new SignedInUser(
            new UserId(UUID.randomUUID()), "Admin", null, List.of(new RoleGrant(Role.PLATFORM_ADMIN, null)), "TEST");

    @Autowired
    Terminology terminology;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @AfterEach
    void wholeDictionaryAgain() {
        terminology.importIcd10(FILE);
    }

    @Test
    void theDemoDataImportedTheFileAndImportingItAgainChangesNothing() {
        assertThat(terminology.icd10File())
                .hasValueSatisfying(p -> assertThat(p.getFileName()).isEqualTo(FILE.getFileName()));
        var again = terminology.importIcd10(FILE);
        assertThat(again.unchanged()).isTrue();
        assertThat(again.version()).isEqualTo("2.27");
        assertThat(again.entries()).isEqualTo(15_038);
        assertThat(again.sha256()).isEqualTo("3b0a2ff314b3a1e1489338ae9e83c15fbdf4f98250f7b886c27edb60ef507509");
        assertThat(terminology.icd10Size()).isEqualTo(15_038);
    }

    @Test
    void aNewVersionReplacesTheDictionaryAndTheOldFileBringsItBack() throws Exception {
        byte[] small = ("ID;REC_CODE;MKB_CODE;MKB_NAME;ID_PARENT;ADDL_CODE;ACTUAL;DATE\n"
                        + "1;01;\"I\";\"НЕКОТОРЫЕ ИНФЕКЦИОННЫЕ И ПАРАЗИТАРНЫЕ БОЛЕЗНИ\";;;1;\n"
                        + "3818;\"0903I10\";\"I10\";\"Эссенциальная [первичная] гипертензия\";1;;1;01.01.2015\n")
                .getBytes(StandardCharsets.UTF_8);
        var replaced = terminology.importIcd10(ADMIN, "1.2.643.5.1.13.13.11.1005_9.1.csv", small);
        assertThat(replaced.unchanged()).isFalse();
        assertThat(replaced.version()).isEqualTo("9.1");
        assertThat(terminology.icd10Size()).isEqualTo(2);
        assertThat(terminology.searchIcd10("A00", 10)).isEmpty();

        var back = terminology.importIcd10(FILE);
        assertThat(back.unchanged()).isFalse();
        assertThat(terminology.icd10Size()).isEqualTo(15_038);
        assertThat(Files.size(FILE)).isPositive();
    }

    @Test
    void searchFindsDiagnosesByCodePrefixEvenTypedInCyrillicAndByWordBeginnings() {
        assertThat(terminology.searchIcd10("I10", 5)).first().satisfies(e -> {
            assertThat(e.code()).isEqualTo("I10");
            assertThat(e.name()).isEqualTo("Эссенциальная [первичная] гипертензия");
        });
        assertThat(terminology.searchIcd10("J06.", 20))
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.code()).startsWith("J06"));
        // «А00» typed on a Russian keyboard: Cyrillic А.
        assertThat(terminology.searchIcd10("А00", 20))
                .extracting(Icd10Entry::code)
                .contains("A00", "A00.0")
                .doesNotContain("A00-A09");
        assertThat(terminology.searchIcd10("гипертенз эссенц", 20))
                .extracting(Icd10Entry::code)
                .contains("I10");
        assertThat(terminology.searchIcd10("холер", 20))
                .extracting(Icd10Entry::code)
                .contains("A00", "A00.0");
        assertThat(terminology.searchIcd10("ХОЛЕРА вибрион", 20))
                .extracting(Icd10Entry::code)
                .contains("A00.0");
        assertThat(terminology.searchIcd10("zzzqqq", 20)).isEmpty();
        assertThat(terminology.searchIcd10("  ", 20)).isEmpty();
        assertThat(terminology.icd10(List.of("I10", "Z99.99", "A00.0")).keySet())
                .containsExactly("I10", "A00.0");
    }

    @Test
    void whileTheDemoCopyIsImportedAfterReadinessTheSearchSaysItIsLoadingAndWhenToAskAgain() {
        var demo = new TerminologyDemoData(terminology);
        // The seeder leaves it to the background after the app answers ready (issue 18).
        assertThat(demo.followsReadiness()).isTrue();
        var signIn = get("/test/staff-sign-in?email=admin@demo.medkarta.org&password=Demo-admin-1&continue=/");
        String session = signIn.headers().allValues("Set-Cookie").stream()
                .map(c -> c.substring(0, c.indexOf(';')))
                .reduce((a, b) -> a + "; " + b)
                .orElseThrow();
        demo.loading(true);
        try {
            assertThat(terminology.icd10Loading()).isTrue();
            assertThatThrownBy(() -> terminology.searchIcd10("I10", 5)).isInstanceOf(Icd10Loading.class);
            var loading = get("/api/v1/icd10?q=I10");
            assertThat(loading.statusCode()).isEqualTo(503);
            assertThat(problem(loading)).isEqualTo("icd10-loading");
            assertThat(loading.headers().firstValue("Retry-After")).hasValue("30");
            assertThat(body(loading).get("detail").asString()).contains("загружается");
            assertThat(get("/terminology/icd10/options?q=I10", "Cookie", session)
                            .body())
                    .contains("Справочник МКБ-10 загружается")
                    .doesNotContain("не загружен")
                    .doesNotContain("Ничего не найдено");
            // A blank query asks for nothing and is answered with nothing, loading or not.
            assertThat(get("/api/v1/icd10?q=").statusCode()).isEqualTo(200);
        } finally {
            demo.loading(false);
        }
        assertThat(terminology.icd10Loading()).isFalse();
        var found = get("/api/v1/icd10?q=I10");
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(body(found).findValuesAsString("code")).contains("I10");
    }

    @Test
    void anEmptyDictionarySaysSoOnTheAdminPageAndInTheDiagnosisSearchAndHowToLoadIt() {
        jdbc.sql("DELETE FROM terminology_icd10_word").update();
        jdbc.sql("DELETE FROM terminology_icd10").update();
        var signIn = get("/test/staff-sign-in?email=admin@demo.medkarta.org&password=Demo-admin-1&continue=/");
        String session = signIn.headers().allValues("Set-Cookie").stream()
                .map(c -> c.substring(0, c.indexOf(';')))
                .reduce((a, b) -> a + "; " + b)
                .orElseThrow();

        var admin = get("/admin/terminology", "Cookie", session);
        assertThat(admin.body())
                .contains("id=\"icd10-empty\"")
                .contains("Справочник МКБ-10 не загружен")
                .contains("--import-icd10");
        var search = get("/terminology/icd10/options?q=I10", "Cookie", session);
        assertThat(search.body())
                .contains("Справочник МКБ-10 не загружен")
                .contains("администратор платформы")
                .doesNotContain("Ничего не найдено");
        var english = get("/terminology/icd10/options?q=I10", "Cookie", session + "; medkarta-lang=en");
        assertThat(english.body()).contains("The ICD-10 dictionary is not loaded");

        terminology.importIcd10(FILE);
        assertThat(get("/admin/terminology", "Cookie", session).body()).doesNotContain("icd10-empty");
        assertThat(get("/terminology/icd10/options?q=zzzqqq", "Cookie", session).body())
                .contains("Ничего не найдено")
                .doesNotContain("не загружен");
    }

    @Test
    void aFileThatIsNotTheDictionaryIsRefusedNamingTheLineAndNothingChanges() {
        byte[] wrong = "code;name\nI10;x\n".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> terminology.importIcd10(ADMIN, "x.csv", wrong))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        e -> assertThat(e.messageCode()).isEqualTo("terminology.validation.header"));
        byte[] broken = "ID;REC_CODE;MKB_CODE;MKB_NAME;ID_PARENT;ADDL_CODE;ACTUAL;DATE\n1;01;\"I\";\"x\";;;1;\nzz;1\n"
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> terminology.importIcd10(ADMIN, "x.csv", broken))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("file");
                    assertThat(e.messageArguments()).containsExactly(3);
                });
        assertThat(terminology.icd10Size()).isEqualTo(15_038);
    }

    @Test
    void theApiSearchesForAnyoneAndImportsForAdministratorsOnly() {
        var found = get("/api/v1/icd10?q=" + java.net.URLEncoder.encode("гипертензия", StandardCharsets.UTF_8));
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(body(found).findValuesAsString("code")).contains("I10");
        var tooLong = get("/api/v1/icd10?q=" + "a".repeat(101));
        assertThat(tooLong.statusCode()).isEqualTo(422);
        assertThat(problem(tooLong)).isEqualTo("invalid-input");
        assertThat(body(tooLong).get("field").asString()).isEqualTo("q");

        var login = post("/api/v1/auth/login", map("email", "admin@demo.medkarta.org", "password", "Demo-admin-1"));
        String admin = body(login).get("accessToken").asString();
        var refused = upload(admin, "x.csv", "nonsense\n".getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(body(refused).get("field").asString()).isEqualTo("file");
        var unchanged = upload(admin, FILE.getFileName().toString(), read(FILE));
        assertThat(unchanged.statusCode()).as(unchanged.body()).isEqualTo(200);
        assertThat(body(unchanged).get("unchanged").asBoolean()).isTrue();
        assertThat(upload(null, "x.csv", read(FILE)).statusCode()).isEqualTo(401);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private HttpResponse<String> upload(String token, String name, byte[] content) {
        String boundary = "b" + UUID.randomUUID();
        var out = new java.io.ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                        + "\"\r\nContent-Type: text/csv\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var request = request("/api/v1/icd10/import")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }
}
