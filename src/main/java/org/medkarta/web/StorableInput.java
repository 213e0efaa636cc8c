package org.medkarta.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.StorableText;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one rule of {@link StorableText} at the boundary for everything that is not a JSON body
 * (bodies are checked as they are read, by {@link StorableJson}): query and form parameters,
 * multipart fields and file names, for pages, the API and any servlet alike, and the path variables
 * of every handler. A refusal is 422 {@code invalid-input} naming the field: a ProblemDetail in the
 * API, the error page saying which field on a page.
 *
 * <p>Ordered after the character-encoding filter, so parameters are read as UTF-8, and before the
 * security and session filters, so that a refused sign-in form never reaches a database.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class StorableInput extends OncePerRequestFilter implements WebMvcConfigurer, HandlerInterceptor {

    /** The request attribute that tells the error page which field was refused. */
    static final String REFUSED_FIELD = StorableInput.class.getName() + ".field";

    private final Problems problems;
    private final JsonMapper json;
    private final LocaleResolver locales;

    StorableInput(Problems problems, JsonMapper json, LocaleResolver localeResolver) {
        this.problems = problems;
        this.json = json;
        this.locales = localeResolver;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var refused = unstorableParameter(request);
        if (refused.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String field = refused.get();
        if (!Problems.isApi(request)) {
            request.setAttribute(REFUSED_FIELD, field);
            response.sendError(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return;
        }
        var problem = problems.of(new InvalidInput(field, StorableText.MESSAGE_CODE), locales.resolveLocale(request));
        problem.setInstance(URI.create(request.getRequestURI()));
        Problems.write(response, problem, json);
    }

    /** The name of the first parameter, multipart field or uploaded file whose text cannot be stored. */
    private static Optional<String> unstorableParameter(HttpServletRequest request) {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException unreadable) {
            // A multipart body over the container's limit (issue 16): the multipart resolver refuses
            // it with 413, where reading it here would have ended in a 500.
            return Optional.empty();
        }
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            if (!StorableText.isStorable(parameter.getKey())) {
                return Optional.of(printable(parameter.getKey()));
            }
            for (String value : parameter.getValue()) {
                if (!StorableText.isStorable(value)) {
                    return Optional.of(parameter.getKey());
                }
            }
        }
        String type = request.getContentType();
        if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
            try {
                for (var part : request.getParts()) {
                    if (!StorableText.isStorable(part.getSubmittedFileName())) {
                        return Optional.of(printable(part.getName()));
                    }
                }
            } catch (IOException | ServletException | IllegalStateException unreadable) {
                // Too large or malformed: the multipart resolver refuses it with its own 4xx.
            }
        }
        return Optional.empty();
    }

    /** A field name to show back, with what cannot be stored (or shown) left out. */
    private static String printable(String name) {
        var kept = new StringBuilder();
        name.codePoints()
                .filter(c -> c >= 0x20 && c != 0xFFFE && c != 0xFFFF && !Character.isSurrogate((char) c))
                .forEach(kept::appendCodePoint);
        return kept.isEmpty() ? "parameter" : kept.toString();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    /** Path variables, decoded by the handler mapping, answer as any other field named by the route. */
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            for (var variable : variables.entrySet()) {
                if (variable.getValue() instanceof String value && !StorableText.isStorable(value)) {
                    request.setAttribute(REFUSED_FIELD, String.valueOf(variable.getKey()));
                    throw new InvalidInput(String.valueOf(variable.getKey()), StorableText.MESSAGE_CODE);
                }
            }
        }
        return true;
    }
}
