package org.medkarta.web;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Makes {@code /v3/api-docs} the contract a developer books through without the README (issue 13
 * item 9, issue 12): the bearer scheme and which operations need it, every operation's summary and
 * description, and every error status each operation can answer with, as a ProblemDetail whose
 * {@code type} is one of the stable problem URIs.
 *
 * <p>One place instead of annotations on every controller: {@code openapi/operations.yaml} holds
 * the words and the specific refusals of each operation, {@code openapi/problems.yaml} the status
 * of each problem type; the statuses every operation shares come from its shape here (a body or
 * parameters can be invalid, an id can be unknown, a signed-in operation can be refused).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BEARER = "bearer";
    static final String PROBLEM = "ProblemDetail";
    static final String PROBLEM_JSON = "application/problem+json";
    private static final String SECURED = "x-medkarta-secured";

    /** Problem name → HTTP status, as {@code openapi/problems.yaml} lists them. */
    static Map<String, Integer> problems() {
        var statuses = new TreeMap<String, Integer>();
        load("openapi/problems.yaml").forEach((name, status) -> statuses.put(name, (Integer) status));
        return statuses;
    }

    /** "METHOD path" → {summary, description, problems?, responses?}, as {@code openapi/operations.yaml} holds them. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> operations() {
        var operations = new LinkedHashMap<String, Map<String, Object>>();
        load("openapi/operations.yaml").forEach((key, value) -> operations.put(key, (Map<String, Object>) value));
        return operations;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            Map<String, Object> loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            return loaded == null ? Map.of() : loaded;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Names each schema after its module and the records it is nested in ({@code
     * scheduling.BookingBody}, {@code consultation.BookingBody}): by simple name alone, records of
     * the same name in two modules overwrote each other and the booking body lost its fields.
     */
    @Bean
    ModelResolver moduleQualifiedSchemas() {
        return new ModelResolver(io.swagger.v3.core.util.Json.mapper(), new ModuleTypeNames());
    }

    static final class ModuleTypeNames extends TypeNameResolver {

        @Override
        protected String getNameOfClass(Class<?> type) {
            if (!type.getName().startsWith("org.medkarta.")) {
                return super.getNameOfClass(type);
            }
            String module = type.getName().split("\\.")[2];
            var names = new ArrayList<String>();
            for (Class<?> level = type; level != null; level = level.getEnclosingClass()) {
                if (level == type || !level.getSimpleName().equals("Json")) {
                    names.add(0, level.getSimpleName());
                }
            }
            return module + "." + String.join(".", names);
        }
    }

    /** Marks operations whose handler needs a signed-in caller, for the document customizer below. */
    @Bean
    GlobalOperationCustomizer securedOperations() {
        return (Operation operation, HandlerMethod handler) -> {
            var rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
            if (rule == null) {
                rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
            }
            if (rule != null && !rule.value().replace(" ", "").equals("permitAll()")) {
                operation.addExtension(SECURED, rule.value());
            }
            return operation;
        };
    }

    @Bean
    OpenApiCustomizer problemsAndWords() {
        var statuses = problems();
        var words = operations();
        return openApi -> {
            openApi.info(new Info()
                    .title("Medkarta API")
                    .version("v1")
                    .description(BOOKING_FLOW)
                    .license(new License().name("Apache-2.0")));
            var components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.components(components);
            components.addSecuritySchemes(
                    BEARER,
                    new SecurityScheme()
                            .type(SecurityScheme.Type.HTTP)
                            .scheme("bearer")
                            .bearerFormat("JWT")
                            .description("The `accessToken` of `POST /api/v1/auth/otp/verify` (patients) or "
                                    + "`POST /api/v1/auth/login` (staff), sent as `Authorization: Bearer <token>`."));
            components.addSchemas(PROBLEM, problemSchema(statuses));
            openApi.getPaths()
                    .forEach((path, item) -> item.readOperationsMap()
                            .forEach((method, operation) -> describe(path, method, operation, statuses, words)));
        };
    }

    @SuppressWarnings("unchecked")
    private static void describe(
            String path,
            PathItem.HttpMethod method,
            Operation operation,
            Map<String, Integer> statuses,
            Map<String, Map<String, Object>> words) {
        var said = words.getOrDefault(method.name() + " " + path, Map.of());
        if (said.get("summary") != null) {
            operation.summary((String) said.get("summary"));
        }
        if (said.get("description") != null) {
            operation.description((String) said.get("description"));
        }
        var responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.responses(responses);
        Object requestExample = said.get("requestExample");
        if (requestExample != null
                && operation.getRequestBody() != null
                && operation.getRequestBody().getContent() != null) {
            operation.getRequestBody().getContent().values().forEach(media -> media.example(requestExample));
        }
        Object responseExample = said.get("responseExample");
        if (responseExample != null) {
            responses.entrySet().stream()
                    .filter(entry ->
                            entry.getKey().startsWith("2") && entry.getValue().getContent() != null)
                    .forEach(entry ->
                            entry.getValue().getContent().values().forEach(media -> media.example(responseExample)));
        }
        // The advice's catch-all is not a promise: a 500 is a bug the fuzzer reports.
        responses.remove("500");
        var byStatus = new TreeMap<Integer, List<String>>();
        boolean secured =
                operation.getExtensions() != null && operation.getExtensions().containsKey(SECURED);
        if (secured) {
            operation.getExtensions().remove(SECURED);
            operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
            add(byStatus, 401, "unauthorized");
            add(byStatus, 401, "invalid-token");
            add(byStatus, 403, "forbidden");
            // A record, a person or a function the caller may not see answers as if it did not exist.
            add(byStatus, 404, "not-found");
        }
        add(byStatus, 400, "malformed-request");
        boolean hasParameters =
                operation.getParameters() != null && !operation.getParameters().isEmpty();
        boolean hasBody = operation.getRequestBody() != null;
        if (hasParameters || hasBody) {
            add(byStatus, 422, "invalid-input");
        }
        if (operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "path".equals(p.getIn()))) {
            add(byStatus, 404, "not-found");
        }
        if (hasBody) {
            add(byStatus, 415, "unsupported-media-type");
            if (operation.getRequestBody().getContent() != null
                    && operation.getRequestBody().getContent().containsKey("multipart/form-data")) {
                add(byStatus, 413, "payload-too-large");
            }
        }
        add(byStatus, 503, "unavailable");
        for (String name : (List<String>) said.getOrDefault("problems", List.of())) {
            Integer status = statuses.get(name);
            if (status == null) {
                throw new IllegalStateException(
                        "openapi/operations.yaml names " + name + ", which openapi/problems.yaml does not list");
            }
            add(byStatus, status, name);
        }
        ((Map<Object, Object>) said.getOrDefault("responses", Map.of()))
                .forEach((status, description) -> responses.computeIfAbsent(
                        String.valueOf(status), s -> new ApiResponse().description((String) description)));
        byStatus.forEach((status, names) -> {
            var response = responses.computeIfAbsent(String.valueOf(status), s -> new ApiResponse());
            response.description(reason(status) + ": "
                    + String.join(
                            ", ", names.stream().map(name -> "`" + name + "`").toList()));
            var example = new LinkedHashMap<String, Example>();
            for (String name : names) {
                example.put(
                        name,
                        new Example()
                                .value(Map.of(
                                        "type",
                                        Problems.TYPE_BASE + name,
                                        "title",
                                        reason(status),
                                        "status",
                                        status,
                                        "detail",
                                        "…")));
            }
            response.content(new Content()
                    .addMediaType(
                            PROBLEM_JSON,
                            new MediaType()
                                    .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))
                                    .examples(example)));
            if (status == 429 || status == 423 || status == 503) {
                response.addHeaderObject(
                        "Retry-After",
                        new Header()
                                .description("Seconds to wait before trying again")
                                .schema(new IntegerSchema()));
            }
        });
    }

    private static void add(Map<Integer, List<String>> byStatus, int status, String name) {
        var names = byStatus.computeIfAbsent(status, s -> new ArrayList<>());
        if (!names.contains(name)) {
            names.add(name);
        }
    }

    private static String reason(int status) {
        var known = HttpStatus.resolve(status);
        return known == null ? String.valueOf(status) : known.getReasonPhrase();
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema<?> problemSchema(Map<String, Integer> statuses) {
        var type = new StringSchema();
        type.format("uri");
        type.description("Stable problem type: https://medkarta.org/problems/<name>; the name says what went wrong.");
        statuses.keySet().forEach(name -> type.addEnumItem(Problems.TYPE_BASE + name));
        var error =
                new ObjectSchema().addProperty("field", new StringSchema()).addProperty("message", new StringSchema());
        Schema problem = new ObjectSchema()
                .description("RFC 9457 problem details; extension members (such as `attemptsLeft`, `field`, "
                        + "`errors`, `horizonDays`) sit beside the standard ones.")
                .addProperty("type", type)
                .addProperty("title", new StringSchema().description("The status in the caller's language"))
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema().description("What went wrong, in the caller's language"))
                .addProperty("instance", new StringSchema().description("The path of the request"))
                .addProperty("field", new StringSchema().description("The first wrong field (`invalid-input`)"))
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .items(error)
                                .description("Every wrong field with its message (`invalid-input`)"))
                .addProperty(
                        "attemptsLeft", new IntegerSchema().description("Codes that may still be tried (`wrong-code`)"))
                .addProperty("retryAfterSeconds", new IntegerSchema())
                .addProperty("unique", new BooleanSchema());
        problem.setRequired(List.of("type", "title", "status"));
        problem.setAdditionalProperties(Boolean.TRUE);
        return problem;
    }

    static final String BOOKING_FLOW = """
            The open API of Medkarta for mobile apps and booking portals. Times are ISO-8601 with an \
            offset, phones E.164, ids UUIDs. Every error is an RFC 9457 ProblemDetail \
            (`application/problem+json`) whose `type` is a stable URI \
            `https://medkarta.org/problems/<name>` (the `ProblemDetail` schema lists them all); \
            `detail` is in the language of `Accept-Language` (Russian by default, English on request). \
            A record or a person you may not see answers 404 `not-found`, never 403.

            Booking as a new patient:
            1. `GET /api/v1/terms` — the current version of the platform terms.
            2. `POST /api/v1/patients/register` with `termsVersion` set to it → 201.
            3. `POST /api/v1/auth/otp` `{phone}` → 202; the code arrives by SMS (in development at \
            `GET /api/v1/dev/outbox?to=<phone>`).
            4. `POST /api/v1/auth/otp/verify` `{phone, code}` → `{accessToken, …}`; send \
            `Authorization: Bearer <accessToken>` from now on.
            5. `GET /api/v1/specialties`, `GET /api/v1/doctors?specialty=`, then \
            `GET /api/v1/slots?doctorId=|specialty=&from=&to=` → free slots.
            6. `POST /api/v1/appointments` `{slotId, serviceId, acceptClinicDocuments: true}` → 201; \
            without accepting the clinic's offer and consent it answers 409 `consent-required`.
            """;
}
