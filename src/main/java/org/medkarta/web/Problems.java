package org.medkarta.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.medkarta.shared.BadParameter;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.TooLarge;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one place that turns refusals into RFC 9457 problems: domain exception kinds into HTTP
 * statuses, statuses into stable {@code type} URIs, and message codes into text in the user's
 * language. Used by the API advice and by the error controller alike.
 */
@Component
public class Problems {

    static final String TYPE_BASE = "https://medkarta.org/problems/";

    private static final Map<DomainException.Kind, HttpStatus> STATUS_OF_KIND = Map.of(
            DomainException.Kind.INVALID_INPUT, HttpStatus.UNPROCESSABLE_CONTENT,
            DomainException.Kind.UNAUTHORIZED, HttpStatus.UNAUTHORIZED,
            DomainException.Kind.FORBIDDEN, HttpStatus.FORBIDDEN,
            DomainException.Kind.NOT_FOUND, HttpStatus.NOT_FOUND,
            DomainException.Kind.CONFLICT, HttpStatus.CONFLICT,
            DomainException.Kind.GONE, HttpStatus.GONE,
            DomainException.Kind.LOCKED, HttpStatus.LOCKED,
            DomainException.Kind.TOO_MANY_REQUESTS, HttpStatus.TOO_MANY_REQUESTS,
            DomainException.Kind.UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE);

    private static final Map<Integer, String> NAME_OF_STATUS = Map.ofEntries(
            Map.entry(400, "malformed-request"),
            Map.entry(401, "unauthorized"),
            Map.entry(403, "forbidden"),
            Map.entry(404, "not-found"),
            Map.entry(405, "method-not-allowed"),
            Map.entry(406, "not-acceptable"),
            Map.entry(408, "request-timeout"),
            Map.entry(409, "conflict"),
            Map.entry(413, "payload-too-large"),
            Map.entry(415, "unsupported-media-type"),
            Map.entry(422, "invalid-input"),
            Map.entry(429, "too-many-requests"),
            Map.entry(431, "headers-too-large"),
            Map.entry(503, "unavailable"));

    private final MessageSource messages;

    Problems(MessageSource messages) {
        this.messages = messages;
    }

    static boolean isApi(HttpServletRequest request) {
        return isApiPath(
                request.getRequestURI().substring(request.getContextPath().length()));
    }

    static boolean isApiPath(String path) {
        return path != null && (path.equals("/api") || path.startsWith("/api/"));
    }

    static HttpStatus statusOf(DomainException.Kind kind) {
        return STATUS_OF_KIND.get(kind);
    }

    /**
     * The status of a refusal: its kind's, but 400 for a query parameter that cannot be read and 413
     * for input refused for its size, which stays
     * {@link DomainException.Kind#INVALID_INPUT} for pages and FHIR (a message beside the field).
     */
    static HttpStatus statusOf(DomainException refusal) {
        if (refusal instanceof BadParameter) {
            return HttpStatus.BAD_REQUEST;
        }
        return refusal instanceof TooLarge ? HttpStatus.CONTENT_TOO_LARGE : statusOf(refusal.kind());
    }

    /** A problem for a deliberate domain refusal, with its own name and localised detail. */
    public ProblemDetail of(DomainException refusal, Locale locale) {
        var problem = ProblemDetail.forStatus(statusOf(refusal));
        problem.setType(URI.create(TYPE_BASE + refusal.problem()));
        problem.setTitle(title(problem.getStatus(), locale));
        problem.setDetail(
                messages.getMessage(refusal.messageCode(), refusal.messageArguments(), refusal.problem(), locale));
        refusal.properties().forEach(problem::setProperty);
        if (refusal instanceof InvalidInput invalid) {
            problem.setProperty(
                    "errors",
                    invalid.errors().stream()
                            .map(error -> Map.of(
                                    "field",
                                    error.field(),
                                    "message",
                                    messages.getMessage(
                                            error.messageCode(),
                                            error.arguments().toArray(),
                                            error.messageCode(),
                                            locale)))
                            .toList());
        }
        return problem;
    }

    /** A problem for a bare HTTP status, named after the status. */
    public ProblemDetail of(HttpStatusCode status, Locale locale) {
        var problem = ProblemDetail.forStatus(status);
        String name = nameOf(status.value());
        problem.setType(URI.create(TYPE_BASE + name));
        problem.setTitle(title(status.value(), locale));
        problem.setDetail(messages.getMessage("problem." + name, null, title(status.value(), locale), locale));
        return problem;
    }

    static String nameOf(int status) {
        return NAME_OF_STATUS.getOrDefault(status, status >= 500 ? "internal-error" : "malformed-request");
    }

    private String title(int status, Locale locale) {
        var reason = HttpStatus.resolve(status);
        return messages.getMessage(
                "status." + status, null, reason == null ? String.valueOf(status) : reason.getReasonPhrase(), locale);
    }

    /**
     * Answers with the problem directly on the servlet response, where no handler is there to return it
     * (a filter, the error controller): its status, {@code application/problem+json}, the flat body.
     */
    static void write(HttpServletResponse response, ProblemDetail problem, JsonMapper json) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), asJson(problem));
    }

    /** The problem as the flat JSON object of RFC 9457, extension members beside the standard ones. */
    static Map<String, Object> asJson(ProblemDetail problem) {
        var json = new LinkedHashMap<String, Object>();
        json.put("type", String.valueOf(problem.getType()));
        json.put("title", problem.getTitle());
        json.put("status", problem.getStatus());
        json.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            json.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            json.putAll(problem.getProperties());
        }
        return json;
    }
}
