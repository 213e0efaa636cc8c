package org.medkarta.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.medkarta.identity.ClientInfo;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.scheduling.Booking;
import org.medkarta.scheduling.ScheduleTemplates;
import org.medkarta.scheduling.SlotSearch;
import org.medkarta.testing.ApiSupport;
import org.medkarta.testing.ClinicFacades;
import org.medkarta.testing.IdentityFacades;
import org.medkarta.testing.Phones;
import org.medkarta.testing.TestCare;
import org.medkarta.testing.TestClinics;
import org.medkarta.testing.TestPatients;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fuzzes every operation of the served OpenAPI document as each role (issue 12, "the suite that
 * keeps it so"). Schemathesis cannot be installed on these machines (the Python package index is
 * out of reach), so this does its work in Java: for each operation it makes requests from the
 * document's own schemas — valid ones, and ones with wrong types, missing required fields, huge
 * strings, control characters, other scripts, negative and boundary numbers, unknown or malformed
 * ids and wrong content types — and holds every answer to the document: no 5xx, a status the
 * operation declares, a JSON body that fits the declared schema, no stack trace or Java exception
 * name in any body.
 *
 * <p>The cases come from a seeded random source; the seed is printed and {@code -Dfuzz.seed=}
 * repeats a run, {@code -Dfuzz.cases=} sets how many requests each role makes per operation.
 */
class ApiFuzzIT extends ApiSupport {

    enum Who {
        ANONYMOUS,
        PATIENT,
        DOCTOR,
        CLINIC_ADMIN,
        PLATFORM_ADMIN
    }

    private static final Pattern LEAK =
            Pattern.compile("\\b[A-Za-z]*(Exception|Error)\\b(?![\"-])|\\bat (java|jakarta|org|tools|com)\\.[a-z]"
                    + "|\\b(java|javax|jakarta|org\\.springframework|org\\.medkarta|tools\\.jackson|com\\.fasterxml"
                    + "|org\\.postgresql|org\\.h2)\\.[a-zA-Z]");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Autowired
    IdentityFacades identity;

    @Autowired
    ClinicFacades clinics;

    @Autowired
    ScheduleTemplates scheduleTemplates;

    @Autowired
    SlotSearch slotSearch;

    @Autowired
    Booking booking;

    private JsonNode document;
    private Random random;
    private final Map<Who, String> tokens = new EnumMap<>(Who.class);
    /** Ids the fuzzer's own people made or saw: what a path id or an id field is drawn from. */
    private final List<String> ids = new ArrayList<>();
    /** The ids the fuzzer made itself: all a platform administrator, who may change any clinic, is given. */
    private final List<String> own = new ArrayList<>();

    private Who current;

    private final Map<Who, int[]> counts = new EnumMap<>(Who.class);
    private final Map<String, String> failures = new TreeMap<>();

    @Test
    void everyOperationAnswersEveryRoleAsItsDocumentSaysWithoutA5xxOrAStackTrace() {
        long seed = Long.getLong("fuzz.seed", 20261204L);
        int cases = Integer.getInteger("fuzz.cases", 3);
        System.out.printf(
                "ApiFuzzIT seed %d (-Dfuzz.seed=%d repeats this run), %d cases per operation and role%n",
                seed, seed, cases);
        random = new Random(seed);
        document = body(get("/v3/api-docs"));
        people();

        var operations = new ArrayList<String[]>();
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(method -> operations.add(new String[] {method.getKey(), path.getKey()})));
        assertThat(operations).hasSizeGreaterThan(100);

        Instant began = Instant.now();
        for (Who who : Who.values()) {
            current = who;
            counts.put(who, new int[6]);
            var order = new ArrayList<>(operations);
            java.util.Collections.shuffle(order, random);
            for (String[] operation : order) {
                for (int i = 0; i < cases; i++) {
                    exercise(who, operation[0], operation[1], i == 0 ? Mutation.NONE : Mutation.any(random));
                }
            }
        }
        System.out.printf(
                "ApiFuzzIT %d operations in %d s%n",
                operations.size(), Duration.between(began, Instant.now()).toSeconds());
        counts.forEach((who, c) -> System.out.printf(
                "ApiFuzzIT %-14s %4d requests: %4d 2xx, %4d 4xx, %d 5xx, %d undeclared, %d off-schema or leaking%n",
                who, c[0], c[1], c[2], c[3], c[4], c[5]));
        failures.values().stream().limit(80).forEach(failure -> System.out.println("ApiFuzzIT FAIL " + failure));
        assertThat(failures)
                .as("answers that break the document (seed %d)", seed)
                .isEmpty();
    }

    /** A patient with an appointment, a clinic with an administrator and a doctor with a schedule. */
    private void people() {
        var clinic = TestClinics.register(clinics, "Фазз");
        var doctor = TestCare.doctor(clinics, clinic.id());
        TestCare.openSchedule(scheduleTemplates, doctor.id());
        var patient = TestPatients.register(identity, "Фаззова", "Ольга", null, Phones.unique(), "1985-03-04");
        var patientUser = new SignedInUser(
                patient.userId(), "Ольга", patient.patientId(), List.of(new RoleGrant(Role.PATIENT, null)), "SMS_CODE");
        var appointment = TestCare.appointment(slotSearch, booking, patientUser, doctor.id());
        var admin = identity.staff()
                .invite(
                        "fuzz-" + UUID.randomUUID().toString().substring(0, 8) + "@example.ru",
                        "Фаззов",
                        "Админ",
                        null,
                        Role.CLINIC_ADMIN,
                        clinic.id(),
                        "http://localhost",
                        Locale.ENGLISH);
        tokens.put(Who.PATIENT, identity.tokens().tokensFor(patientUser).accessToken());
        tokens.put(Who.DOCTOR, TestCare.token(identity, doctor));
        tokens.put(
                Who.CLINIC_ADMIN,
                identity.tokens()
                        .tokensFor(new SignedInUser(
                                admin,
                                "Админ",
                                null,
                                List.of(new RoleGrant(Role.CLINIC_ADMIN, clinic.id())),
                                "PASSWORD"))
                        .accessToken());
        tokens.put(
                Who.PLATFORM_ADMIN,
                identity.tokens()
                        .tokensFor(identity.signIn()
                                .signInWithPassword(
                                        "admin@demo.medkarta.org",
                                        "Demo-admin-1",
                                        null,
                                        new ClientInfo("127.0.0.1", "fuzz"),
                                        "http://localhost",
                                        Locale.ENGLISH))
                        .accessToken());
        own.addAll(List.of(
                clinic.id().value().toString(),
                doctor.id().value().toString(),
                patient.patientId().value().toString(),
                appointment.id().toString(),
                appointment.slotId().toString()));
        ids.addAll(own);
    }

    /** Ids a signed-in person saw in an answer, to aim later requests at things that exist. */
    private void harvest(JsonNode node) {
        if (ids.size() > 300 || node == null) {
            return;
        }
        if (node.isString() && node.asString().length() == 36) {
            try {
                UUID.fromString(node.asString());
                if (!ids.contains(node.asString())) {
                    ids.add(node.asString());
                }
            } catch (IllegalArgumentException e) {
                // not an id
            }
        } else if (node.isContainer()) {
            node.forEach(this::harvest);
        }
    }

    /** How a request departs from what the document says is valid. */
    enum Mutation {
        NONE,
        WRONG_TYPE,
        MISSING_REQUIRED,
        HUGE_STRING,
        CONTROL_CHARACTERS,
        OTHER_SCRIPTS,
        NEGATIVE_NUMBERS,
        BOUNDARY_NUMBERS,
        RANDOM_ID,
        MALFORMED_ID,
        EMPTY_BODY,
        NOT_JSON,
        WRONG_CONTENT_TYPE,
        NULLS;

        static Mutation any(Random random) {
            var all = values();
            return all[1 + random.nextInt(all.length - 1)];
        }
    }

    private void exercise(Who who, String method, String path, Mutation mutation) {
        var operation = document.path("paths").path(path).path(method);
        String key = method.toUpperCase(Locale.ROOT) + " " + path;

        String url = path;
        var query = new StringBuilder();
        // One huge value per URL, sized to stay under Tomcat's 8 KB request-line limit: a longer
        // line is refused by the connector with a 400 before the app sees it, and the connection
        // is closed with the rest of the line unread, so the client may read a reset instead of
        // the 400. Bodies carry the full-size huge strings.
        boolean hugeInUrl = false;
        for (JsonNode parameter : operation.path("parameters")) {
            var resolved = resolve(parameter);
            String name = resolved.path("name").asString();
            var schema = resolve(resolved.path("schema"));
            String in = resolved.path("in").asString();
            if (in.equals("path")) {
                String value = switch (mutation) {
                    case RANDOM_ID -> UUID.randomUUID().toString();
                    case MALFORMED_ID -> pick("not-a-uuid", "-1", "0", "%00", "😀", "x".repeat(300));
                    case HUGE_STRING ->
                        hugeInUrl ? scalar(name, schema, Mutation.NONE).toString() : URL_HUGE;
                    default -> scalar(name, schema, mutation).toString();
                };
                hugeInUrl |= value == URL_HUGE;
                url = url.replace("{" + name + "}", value.equals("%00") ? value : encode(value));
            } else if (in.equals("query")) {
                if (!resolved.path("required").asBoolean(false) && random.nextInt(3) == 0) {
                    continue;
                }
                if (mutation == Mutation.MISSING_REQUIRED
                        && resolved.path("required").asBoolean(false)) {
                    continue;
                }
                Object value = mutation == Mutation.HUGE_STRING
                        ? (hugeInUrl ? scalar(name, schema, Mutation.NONE) : URL_HUGE)
                        : scalar(name, schema, mutation);
                hugeInUrl |= value == URL_HUGE;
                query.append(query.isEmpty() ? "?" : "&")
                        .append(encode(name))
                        .append('=')
                        .append(encode(value.toString()));
            }
        }
        var builder = request(url + query).header("Accept", "application/json, application/problem+json, */*");
        if (tokens.containsKey(who)) {
            builder.header("Authorization", "Bearer " + tokens.get(who));
        }
        var content = operation.path("requestBody").path("content");
        String httpMethod = method.toUpperCase(Locale.ROOT);
        if (content.isMissingNode() || content.isEmpty()) {
            builder.method(httpMethod, HttpRequest.BodyPublishers.noBody());
        } else if (content.has("application/json")) {
            var schema = resolve(content.path("application/json").path("schema"));
            String body = switch (mutation) {
                case EMPTY_BODY -> "";
                case NOT_JSON -> pick("{", "not json", "[1,2", "{\"a\":}", "\u0000");
                default -> json.writeValueAsString(value("body", schema, mutation, 0));
            };
            builder.header("Content-Type", mutation == Mutation.WRONG_CONTENT_TYPE ? "text/plain" : "application/json");
            builder.method(httpMethod, HttpRequest.BodyPublishers.ofString(body));
        } else if (content.has("multipart/form-data")) {
            String boundary = "fuzz" + random.nextLong();
            var schema = resolve(content.path("multipart/form-data").path("schema"));
            var out = new StringBuilder();
            schema.path("properties").properties().forEach(field -> {
                var fieldSchema = resolve(field.getValue());
                if (mutation == Mutation.MISSING_REQUIRED && random.nextBoolean()) {
                    return;
                }
                out.append("--").append(boundary).append("\r\n");
                if ("binary".equals(fieldSchema.path("format").asString(""))) {
                    out.append("Content-Disposition: form-data; name=\"")
                            .append(field.getKey())
                            .append("\"; filename=\"fuzz.png\"\r\nContent-Type: image/png\r\n\r\n")
                            .append(mutation == Mutation.NONE ? PNG : text(mutation))
                            .append("\r\n");
                } else {
                    out.append("Content-Disposition: form-data; name=\"")
                            .append(field.getKey())
                            .append("\"\r\n\r\n")
                            .append(scalar(field.getKey(), fieldSchema, mutation))
                            .append("\r\n");
                }
            });
            out.append("--").append(boundary).append("--\r\n");
            builder.header(
                    "Content-Type",
                    mutation == Mutation.WRONG_CONTENT_TYPE
                            ? "application/json"
                            : "multipart/form-data; boundary=" + boundary);
            builder.method(
                    httpMethod, HttpRequest.BodyPublishers.ofString(out.toString(), StandardCharsets.ISO_8859_1));
        } else {
            String type = content.propertyNames().iterator().next();
            builder.header("Content-Type", mutation == Mutation.WRONG_CONTENT_TYPE ? "text/plain" : type);
            builder.method(
                    httpMethod,
                    HttpRequest.BodyPublishers.ofString(
                            mutation == Mutation.NONE ? PNG : text(mutation), StandardCharsets.ISO_8859_1));
        }

        HttpResponse<String> response;
        try {
            response = send(builder.timeout(Duration.ofSeconds(30)).build());
        } catch (RuntimeException e) {
            fail(key, who, mutation, 0, "no answer: " + e);
            counts.get(who)[0]++;
            counts.get(who)[3]++;
            return;
        }
        check(key, who, mutation, operation, response);
    }

    private void check(String key, Who who, Mutation mutation, JsonNode operation, HttpResponse<String> response) {
        int status = response.statusCode();
        int[] c = counts.get(who);
        c[0]++;
        if (status >= 500) {
            c[3]++;
            fail(key, who, mutation, status, "server error: " + abbreviate(response.body()));
            return;
        }
        c[status < 300 ? 1 : 2]++;
        var responses = operation.path("responses");
        var declared = responses.has(String.valueOf(status))
                ? responses.path(String.valueOf(status))
                : responses.path("default");
        if (declared.isMissingNode()) {
            c[4]++;
            fail(key, who, mutation, status, "status not declared: " + abbreviate(response.body()));
            return;
        }
        String body = response.body() == null ? "" : response.body();
        if (LEAK.matcher(body).find()) {
            c[5]++;
            fail(key, who, mutation, status, "exception text in the body: " + abbreviate(body));
            return;
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.contains("json") || body.isBlank()) {
            return;
        }
        JsonNode schema = null;
        for (String media : List.of(type.split(";")[0].trim(), "application/json", "*/*", "application/problem+json")) {
            if (declared.path("content").has(media)) {
                schema = declared.path("content").path(media).path("schema");
                break;
            }
        }
        if (schema == null) {
            if (!declared.path("content").isEmpty() || status != 204) {
                c[5]++;
                fail(
                        key,
                        who,
                        mutation,
                        status,
                        "a JSON body where the document declares "
                                + declared.path("content").propertyNames());
            }
            return;
        }
        JsonNode answer;
        try {
            answer = json.readTree(body);
        } catch (RuntimeException e) {
            c[5]++;
            fail(key, who, mutation, status, "not JSON: " + abbreviate(body));
            return;
        }
        if (status < 300 && who != Who.PLATFORM_ADMIN && who != Who.ANONYMOUS) {
            harvest(answer);
        }
        var errors = new ArrayList<String>();
        validate(answer, schema, "$", errors);
        if (!errors.isEmpty()) {
            c[5]++;
            fail(key, who, mutation, status, "off-schema " + errors.subList(0, Math.min(3, errors.size())));
        }
    }

    private void fail(String key, Who who, Mutation mutation, int status, String what) {
        failures.putIfAbsent(
                key + " " + status + " " + what.split(":")[0],
                key + " as " + who + " (" + mutation + ") → " + status + " " + what);
    }

    /** Checks a JSON answer against a declared schema: types, formats, enums, required members, items. */
    private void validate(JsonNode node, JsonNode schema, String where, List<String> errors) {
        schema = resolve(schema);
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (schema.has("allOf")) {
            schema.path("allOf").forEach(part -> validate(node, part, where, errors));
        }
        for (String choice : List.of("oneOf", "anyOf")) {
            if (schema.has(choice)) {
                boolean any = false;
                for (JsonNode option : schema.path(choice)) {
                    var tried = new ArrayList<String>();
                    validate(node, option, where, tried);
                    any |= tried.isEmpty();
                }
                if (!any) {
                    errors.add(where + " matches no " + choice);
                }
            }
        }
        String type = schema.path("type").asString("");
        switch (type) {
            case "string" -> {
                if (!node.isString()) {
                    errors.add(where + " is not a string: " + node);
                } else if (schema.has("enum") && !contains(schema.path("enum"), node.asString())) {
                    errors.add(where + " " + node + " is not one of " + schema.path("enum"));
                } else if ("uuid".equals(schema.path("format").asString(""))) {
                    try {
                        UUID.fromString(node.asString());
                    } catch (IllegalArgumentException e) {
                        errors.add(where + " is not a UUID: " + node);
                    }
                } else if ("date-time".equals(schema.path("format").asString(""))
                        && !node.asString().matches("\\d{4}-\\d\\d-\\d\\dT.*")) {
                    errors.add(where + " is not a date-time: " + node);
                } else if ("date".equals(schema.path("format").asString(""))
                        && !node.asString().matches("\\d{4}-\\d\\d-\\d\\d")) {
                    errors.add(where + " is not a date: " + node);
                }
            }
            case "integer" -> {
                if (!node.isIntegralNumber()) {
                    errors.add(where + " is not an integer: " + node);
                }
            }
            case "number" -> {
                if (!node.isNumber()) {
                    errors.add(where + " is not a number: " + node);
                }
            }
            case "boolean" -> {
                if (!node.isBoolean()) {
                    errors.add(where + " is not a boolean: " + node);
                }
            }
            case "array" -> {
                if (!node.isArray()) {
                    errors.add(where + " is not an array: " + abbreviate(node.toString()));
                } else {
                    int i = 0;
                    for (JsonNode item : node) {
                        validate(item, schema.path("items"), where + "[" + i++ + "]", errors);
                    }
                }
            }
            case "object" -> {
                if (!node.isObject()) {
                    errors.add(where + " is not an object: " + abbreviate(node.toString()));
                    return;
                }
                for (JsonNode required : schema.path("required")) {
                    if (!node.has(required.asString())) {
                        errors.add(where + " lacks " + required.asString());
                    }
                }
                schema.path("properties").properties().forEach(property -> {
                    if (node.has(property.getKey())) {
                        validate(
                                node.get(property.getKey()),
                                property.getValue(),
                                where + "." + property.getKey(),
                                errors);
                    }
                });
                if (schema.path("additionalProperties").isObject()) {
                    var known = new LinkedHashSet<String>();
                    schema.path("properties").propertyNames().forEach(known::add);
                    var extra = schema.path("additionalProperties");
                    node.properties().forEach(member -> {
                        if (!known.contains(member.getKey())) {
                            validate(member.getValue(), extra, where + "." + member.getKey(), errors);
                        }
                    });
                }
            }
            default -> {}
        }
    }

    private static boolean contains(JsonNode values, String value) {
        for (JsonNode candidate : values) {
            if (candidate.asString().equals(value)) {
                return true;
            }
        }
        return false;
    }

    private JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asString("");
        return ref.startsWith("#/") ? resolve(document.at(ref.substring(1))) : node;
    }

    /** A value for a body schema: valid, or with the mutation applied to some of its members. */
    private JsonNode value(String name, JsonNode schema, Mutation mutation, int depth) {
        schema = resolve(schema);
        if (mutation == Mutation.NULLS && random.nextInt(3) == 0) {
            return NODES.nullNode();
        }
        String type = schema.path("type").asString(schema.has("properties") ? "object" : "string");
        if (depth > 4) {
            return NODES.nullNode();
        }
        switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                var required = new LinkedHashSet<String>();
                schema.path("required").forEach(r -> required.add(r.asString()));
                for (var property : schema.path("properties").properties()) {
                    boolean isRequired = required.contains(property.getKey());
                    if (mutation == Mutation.MISSING_REQUIRED && (isRequired || random.nextBoolean())) {
                        continue;
                    }
                    if (!isRequired && mutation == Mutation.NONE && random.nextInt(4) == 0) {
                        continue;
                    }
                    if (mutation == Mutation.WRONG_TYPE && random.nextInt(3) == 0) {
                        object.set(property.getKey(), wrongType(resolve(property.getValue())));
                        continue;
                    }
                    object.set(property.getKey(), value(property.getKey(), property.getValue(), mutation, depth + 1));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int n = random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    array.add(value(name, schema.path("items"), mutation, depth + 1));
                }
                return array;
            }
            default -> {
                Object scalar = scalar(name, schema, mutation);
                if (scalar instanceof Boolean b) {
                    return NODES.booleanNode(b);
                }
                if (scalar instanceof Long l) {
                    return NODES.numberNode(l);
                }
                if (scalar instanceof Double d) {
                    return NODES.numberNode(d);
                }
                return NODES.stringNode(scalar.toString());
            }
        }
    }

    private JsonNode wrongType(JsonNode schema) {
        String type = schema.path("type").asString("string");
        return switch (type) {
            case "string" ->
                random.nextBoolean() ? NODES.numberNode(42) : NODES.objectNode().put("x", 1);
            case "integer", "number" -> random.nextBoolean() ? NODES.stringNode("many") : NODES.numberNode(1.5);
            case "boolean" -> NODES.stringNode("perhaps");
            case "array" -> NODES.stringNode("not a list");
            default -> NODES.arrayNode().add(1);
        };
    }

    /** A scalar for a parameter, a form field or a body member named {@code name}. */
    private Object scalar(String name, JsonNode schema, Mutation mutation) {
        schema = resolve(schema);
        String type = schema.path("type").asString("string");
        String format = schema.path("format").asString("");
        if (type.equals("integer") || type.equals("number")) {
            return switch (mutation) {
                case NEGATIVE_NUMBERS -> -1L - random.nextInt(1000);
                case BOUNDARY_NUMBERS -> pick(0L, Long.MAX_VALUE, Long.MIN_VALUE, (long) Integer.MAX_VALUE + 1);
                case WRONG_TYPE -> "many";
                default -> {
                    long min = schema.has("minimum") ? schema.path("minimum").asLong() : 1;
                    long max = schema.has("maximum") ? schema.path("maximum").asLong() : Math.max(min, 60);
                    yield min + (long) random.nextInt((int) Math.min(1000, max - min + 1));
                }
            };
        }
        if (type.equals("boolean")) {
            return mutation == Mutation.WRONG_TYPE ? "perhaps" : random.nextBoolean();
        }
        if (schema.has("enum") && mutation == Mutation.NONE) {
            var values = new ArrayList<String>();
            schema.path("enum").forEach(v -> values.add(v.asString()));
            return values.get(random.nextInt(values.size()));
        }
        if (mutation != Mutation.NONE
                && mutation != Mutation.RANDOM_ID
                && mutation != Mutation.MALFORMED_ID
                && random.nextBoolean()) {
            return text(mutation);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (format.equals("uuid") || lower.equals("id") || lower.endsWith("id")) {
            var pool = current == Who.PLATFORM_ADMIN ? own : ids;
            return mutation == Mutation.RANDOM_ID
                    ? UUID.randomUUID().toString()
                    : pool.get(random.nextInt(pool.size()));
        }
        if (format.equals("date-time")
                || lower.equals("from")
                || lower.equals("to")
                || lower.endsWith("at")
                || lower.equals("start")) {
            return Instant.now().plus(Duration.ofHours(random.nextInt(24 * 14))).toString();
        }
        if (format.equals("date") || lower.contains("date") || lower.startsWith("valid")) {
            return LocalDate.now().plusDays(random.nextInt(400) - 200).toString();
        }
        if (lower.contains("phone")) {
            return pick("+79990000001", Phones.unique(), "+7 999 123-45-67");
        }
        if (lower.contains("email")) {
            return "fuzz-" + random.nextInt(100000) + "@example.ru";
        }
        if (lower.contains("snils")) {
            return "112-233-445 95";
        }
        if (lower.equals("specialty") || lower.equals("specialties")) {
            return pick("therapist", "cardiologist");
        }
        if (lower.contains("level")) {
            return pick("VIEW", "VIEW_DOWNLOAD", "FULL");
        }
        if (lower.equals("code")) {
            return String.format("%06d", random.nextInt(1_000_000));
        }
        if (lower.equals("region")) {
            return "77";
        }
        if (lower.contains("timezone")) {
            return "Europe/Moscow";
        }
        return pick("Тест", "Проверка связи", "Иванова", "text " + random.nextInt(1000));
    }

    private String text(Mutation mutation) {
        return switch (mutation) {
            case HUGE_STRING -> "я".repeat(20_000 + random.nextInt(50_000));
            case CONTROL_CHARACTERS ->
                pick("a\u0000b", "\u0007\u0008\u001b[31m", "line\r\nInjected: yes", "\u007f\u0085");
            case OTHER_SCRIPTS -> pick("Ωμέγα", "😀👩‍⚕️", "\u202Eevil", "中文测试", "עִבְרִית", "\uFEFFbom", "ǅ");
            case NEGATIVE_NUMBERS -> "-1";
            case BOUNDARY_NUMBERS -> pick("0", "9223372036854775808", "1e309", "NaN");
            default -> pick("", " ", "'; DROP TABLE x; --", "<script>alert(1)</script>", "../../etc/passwd", "null");
        };
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    /** The huge value of a URL part: 1,000 Cyrillic letters, 6,000 bytes once percent-encoded. */
    private static final String URL_HUGE = "я".repeat(1_000);

    /** A 1×1 PNG, as ISO-8859-1 text so that its bytes pass through a string body unchanged. */
    private static final String PNG = new String(
            java.util.Base64.getDecoder()
                    .decode(
                            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="),
            StandardCharsets.ISO_8859_1);
}
