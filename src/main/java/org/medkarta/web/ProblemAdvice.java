package org.medkarta.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.StorableText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Every error under {@code /api/**} becomes an {@code application/problem+json} answer; on a page
 * the same error becomes the localised error page (through {@link ErrorPages}). A stack trace never
 * reaches anyone: unexpected failures are logged here and answered with a bare 500.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private final Problems problems;

    ProblemAdvice(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> refused(DomainException refusal, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        var status = Problems.statusOf(refusal);
        if (!Problems.isApi(request)) {
            response.sendError(status.value());
            return null;
        }
        var headers = new HttpHeaders();
        refusal.retryAfter().ifPresent(wait -> headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(wait.toSeconds())));
        return ResponseEntity.status(status)
                .headers(headers)
                .body(problems.of(refusal, LocaleContextHolder.getLocale()));
    }

    /** Left to Spring Security, which answers 401 or 403 (or sends a person to sign in). */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void security(RuntimeException refusal) {
        throw refusal;
    }

    /**
     * No database connection came free in time (the pool is exhausted under overload, or the
     * database is down): 503 {@code unavailable} with {@code Retry-After}, not a 500 (bench/booking).
     */
    @ExceptionHandler({
        org.springframework.transaction.CannotCreateTransactionException.class,
        org.springframework.jdbc.CannotGetJdbcConnectionException.class
    })
    ResponseEntity<Object> busy(Exception failure, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        log.warn(
                "No database connection for {} {}: {}",
                request.getMethod(),
                request.getRequestURI(),
                failure.getMessage());
        if (!Problems.isApi(request)) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
            return null;
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "1")
                .body(problems.of(HttpStatus.SERVICE_UNAVAILABLE, LocaleContextHolder.getLocale()));
    }

    /**
     * Two requests that create the same thing at once, where a use case has no rule of its own for
     * the race (issue 12, finding 3, made race-free where found): the loser is told to try again
     * (409 {@code conflict}) instead of a 500, and the log names the place to make race-free.
     */
    @ExceptionHandler(org.springframework.dao.DuplicateKeyException.class)
    ResponseEntity<Object> collided(Exception failure, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        log.warn(
                "Concurrent duplicate write on {} {}: {}",
                request.getMethod(),
                request.getRequestURI(),
                failure.getMessage());
        if (!Problems.isApi(request)) {
            response.sendError(HttpStatus.CONFLICT.value());
            return null;
        }
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(problems.of(HttpStatus.CONFLICT, LocaleContextHolder.getLocale()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> failed(Exception failure, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), failure);
        if (!Problems.isApi(request)) {
            response.sendError(HttpStatus.INTERNAL_SERVER_ERROR.value());
            return null;
        }
        return ResponseEntity.internalServerError()
                .body(problems.of(HttpStatus.INTERNAL_SERVER_ERROR, LocaleContextHolder.getLocale()));
    }

    /**
     * A body cut while it was read ({@link RequestBodyLimits}: too large or too slow) answers with
     * its own status and closes the connection. A body whose text cannot be stored (issue 12, finding
     * 2) is 422 {@code invalid-input} naming
     * the field by its path in the body ({@code name}, {@code items[2].text}); any other unreadable
     * body stays 400.
     */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException unreadable,
            HttpHeaders headers,
            HttpStatusCode status,
            WebRequest request) {
        for (Throwable cause = unreadable; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimits.BodyRefused refused) {
                var closing = new HttpHeaders();
                closing.addAll(headers);
                closing.set(HttpHeaders.CONNECTION, "close");
                return handleExceptionInternal(unreadable, null, closing, refused.status(), request);
            }
            if (cause instanceof StorableJson.Unstorable unstorable) {
                var refusal = new InvalidInput(pathOf(unstorable), StorableText.MESSAGE_CODE);
                return handleExceptionInternal(
                        unreadable,
                        problems.of(refusal, LocaleContextHolder.getLocale()),
                        headers,
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        request);
            }
        }
        return super.handleHttpMessageNotReadable(unreadable, headers, status, request);
    }

    private static String pathOf(JacksonException failure) {
        var path = new StringBuilder();
        for (var step : failure.getPath()) {
            if (step.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(step.getPropertyName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** Invalid request bodies name each wrong field, so a form or an app can point at it. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException invalid, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var locale = LocaleContextHolder.getLocale();
        List<Map<String, String>> errors = invalid.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of(
                        "field", error.getField(),
                        "message", String.valueOf(getMessageSource().getMessage(error, locale))))
                .toList();
        var problem = problems.of(HttpStatus.UNPROCESSABLE_CONTENT, locale);
        if (!errors.isEmpty()) {
            problem.setProperty("field", errors.get(0).get("field"));
            problem.setProperty("errors", errors);
        }
        return handleExceptionInternal(invalid, problem, headers, HttpStatus.UNPROCESSABLE_CONTENT, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception failure, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var servletRequest = ((NativeWebRequest) request).getNativeRequest(HttpServletRequest.class);
        var servletResponse = ((NativeWebRequest) request).getNativeResponse(HttpServletResponse.class);
        if (servletRequest != null && !Problems.isApi(servletRequest) && servletResponse != null) {
            try {
                servletResponse.sendError(status.value());
            } catch (IOException e) {
                log.debug("Could not send error page for {}", servletRequest.getRequestURI(), e);
            }
            return null;
        }
        ProblemDetail problem = body instanceof ProblemDetail given
                        && given.getType() != null
                        && given.getType().toString().startsWith(Problems.TYPE_BASE)
                ? given
                : problems.of(status, LocaleContextHolder.getLocale());
        if (servletRequest != null) {
            problem.setInstance(URI.create(servletRequest.getRequestURI()));
        }
        return super.handleExceptionInternal(failure, problem, headers, status, request);
    }
}
