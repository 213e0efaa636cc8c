package org.medkarta.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medkarta.shared.DomainException;
import org.medkarta.testing.ApiSupport;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Phones;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The served OpenAPI document against the controllers that answer (issue 13 item 9): every
 * operation described, the bearer scheme on every operation that needs a signed-in caller, every
 * request body field documented, every problem the code can raise listed with the status its kind
 * maps to, and the booking flow discoverable from the document alone.
 */
class OpenApiContractIT extends ApiSupport {

    private static final Pattern REFUSAL = Pattern.compile("Kind\\.([A-Z_]+), \"([a-z0-9-]+)\"");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    IdentityFacades identity;

    JsonNode document;

    /** "METHOD path" → the handler of every documented route (the JSON API and the calendar feed). */
    Map<String, HandlerMethod> handlers() {
        var handlers = new TreeMap<String, HandlerMethod>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                mappings.getHandlerMethods().entrySet()) {
            for (String path : entry.getKey().getPatternValues()) {
                if (!path.startsWith("/api/") && !path.startsWith("/calendar/")) {
                    continue;
                }
                for (var method : entry.getKey().getMethodsCondition().getMethods()) {
                    handlers.put(method.name() + " " + path, entry.getValue());
                }
            }
        }
        return handlers;
    }

    JsonNode operation(String key) {
        int space = key.indexOf(' ');
        return document.path("paths")
                .path(key.substring(space + 1))
                .path(key.substring(0, space).toLowerCase());
    }

    @BeforeEach
    void readDocument() {
        var served = get("/v3/api-docs");
        assertThat(served.statusCode()).isEqualTo(200);
        document = body(served);
    }

    @Test
    void everyRouteOfTheApiIsAnOperationWithASummaryAndADescription() {
        var handlers = handlers();
        assertThat(handlers).hasSizeGreaterThan(100);
        var undescribed = new TreeSet<String>();
        handlers.keySet().forEach(key -> {
            var operation = operation(key);
            if (operation.isMissingNode()
                    || operation.path("summary").asString("").isBlank()
                    || operation.path("description").asString("").isBlank()) {
                undescribed.add(key);
            }
        });
        assertThat(undescribed).isEmpty();
        assertThat(ApiDocumentation.operations().keySet())
                .as("openapi/operations.yaml describes only routes that exist")
                .isSubsetOf(handlers.keySet());
    }

    @Test
    void everyOperationThatNeedsASignedInCallerDeclaresTheBearerSchemeAnd401And403() {
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asString())
                .isEqualTo("bearer");
        var wrong = new TreeSet<String>();
        var secured = new HashSet<String>();
        handlers().forEach((key, handler) -> {
            var rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
            if (rule == null) {
                rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
            }
            var operation = operation(key);
            boolean declaresBearer = operation.path("security").toString().contains("\"bearer\"");
            if (rule != null) {
                secured.add(key);
                if (!declaresBearer
                        || !operation.path("responses").has("401")
                        || !operation.path("responses").has("403")) {
                    wrong.add(key + " needs " + rule.value());
                }
            } else if (declaresBearer) {
                wrong.add(key + " is public but declares the bearer scheme");
            }
        });
        assertThat(wrong).isEmpty();
        assertThat(secured).contains("POST /api/v1/appointments").doesNotContain("GET /api/v1/terms");
    }

    @Test
    void noRequestBodyFieldIsUndocumented() {
        var undocumented = new TreeSet<String>();
        int bodies = 0;
        for (var entry : handlers().entrySet()) {
            for (MethodParameter parameter : entry.getValue().getMethodParameters()) {
                if (!parameter.hasParameterAnnotation(RequestBody.class)
                        || !parameter.getParameterType().isRecord()) {
                    continue;
                }
                bodies++;
                var schema = resolve(operation(entry.getKey()).at("/requestBody/content/application~1json/schema"));
                for (RecordComponent component : parameter.getParameterType().getRecordComponents()) {
                    if (!schema.path("properties").has(component.getName())) {
                        undocumented.add(entry.getKey() + " " + component.getName());
                    }
                }
            }
        }
        assertThat(bodies).isGreaterThan(30);
        assertThat(undocumented).isEmpty();
        assertThat(resolve(operation("POST /api/v1/appointments").at("/requestBody/content/application~1json/schema"))
                        .path("properties")
                        .has("acceptClinicDocuments"))
                .isTrue();
    }

    @Test
    void everyProblemTheCodeRaisesIsListedWithTheStatusOfItsKind() throws IOException {
        var listed = ApiDocumentation.problems();
        var raised = new TreeMap<String, Integer>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                var matcher = REFUSAL.matcher(Files.readString(source));
                while (matcher.find()) {
                    raised.put(
                            matcher.group(2),
                            Problems.statusOf(DomainException.Kind.valueOf(matcher.group(1)))
                                    .value());
                }
            }
        }
        assertThat(raised).hasSizeGreaterThan(40);
        assertThat(listed).containsAllEntriesOf(raised);
        var types = new ArrayList<String>();
        document.at("/components/schemas/ProblemDetail/properties/type/enum")
                .forEach(type -> types.add(type.asString()));
        assertThat(types)
                .containsAll(listed.keySet().stream()
                        .map(name -> Problems.TYPE_BASE + name)
                        .toList());
    }

    @Test
    void everyOperationDeclaresTheStatusesItsShapeAndItsRefusalsCanAnswerWithAProblem() {
        var missing = new TreeSet<String>();
        var statuses = ApiDocumentation.problems();
        var words = ApiDocumentation.operations();
        handlers().keySet().forEach(key -> {
            var operation = operation(key);
            var responses = operation.path("responses");
            Set<String> expected = new TreeSet<>(List.of("400", "503"));
            if (key.contains("{") || operation.has("security")) {
                expected.add("404");
            }
            if (operation.has("requestBody")) {
                expected.addAll(List.of("415", "422"));
            }
            @SuppressWarnings("unchecked")
            var problems = (List<String>) words.getOrDefault(key, Map.of()).getOrDefault("problems", List.of());
            problems.forEach(name -> expected.add(String.valueOf(statuses.get(name))));
            for (String status : expected) {
                if (!responses.has(status)
                        || responses
                                .path(status)
                                .at("/content/application~1problem+json/schema/$ref")
                                .isMissingNode()) {
                    missing.add(key + " " + status);
                }
            }
            responses.properties().forEach(response -> {
                if (response.getKey().equals("500")) {
                    missing.add(key + " declares 500");
                }
            });
        });
        assertThat(missing).isEmpty();
        assertThat(operation("POST /api/v1/appointments").path("responses").has("409"))
                .isTrue();
        assertThat(operation("POST /api/v1/auth/otp/verify").path("responses").has("410"))
                .isTrue();
    }

    @Test
    void theSignInCodeAnswerIsDocumentedAsItIsSent() {
        var accepted = operation("POST /api/v1/auth/otp").path("responses").path("202");
        var schema = resolve(
                accepted.at("/content/*~1*/schema").isMissingNode()
                        ? accepted.at("/content/application~1json/schema")
                        : accepted.at("/content/*~1*/schema"));
        assertThat(schema.path("properties").has("expiresInSeconds")).isTrue();
        assertThat(schema.path("properties").has("resendAfterSeconds")).isTrue();
    }

    @Test
    void theTermsARegistrationMustAcceptAreServedToAnyone() {
        var terms = get("/api/v1/terms", "Accept", "application/json", "Accept-Language", "en");
        assertThat(terms.statusCode()).isEqualTo(200);
        String version = body(terms).get("version").asString();
        assertThat(version).isEqualTo(identity.registration().termsVersion());
        assertThat(body(terms).get("text").asString()).contains("Medkarta").contains(version);

        var registration = map(
                "lastName",
                "Иванова",
                "firstName",
                "Анна",
                "phone",
                Phones.unique(),
                "birthDate",
                "1990-05-17",
                "email",
                "terms-" + java.util.UUID.randomUUID() + "@example.ru",
                "termsVersion",
                version + "-old");
        var refused = post("/api/v1/patients/register", registration);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(body(refused).get("field").asString()).isEqualTo("termsVersion");

        registration.put("termsVersion", version);
        assertThat(post("/api/v1/patients/register", registration).statusCode()).isEqualTo(201);
    }

    JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        if (ref.startsWith("#/")) {
            return resolve(document.at(ref.substring(1)));
        }
        return schema;
    }
}
