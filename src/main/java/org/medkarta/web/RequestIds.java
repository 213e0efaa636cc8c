package org.medkarta.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.medkarta.shared.RequestId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Gives every request its {@link RequestId}: the proxy's {@code X-Request-Id} (nginx passes its own
 * {@code $request_id} when the client sent none) or a new one, in the logging context while the
 * request is served and in the response's header. First of all filters, so that whatever logs —
 * security, the body limits, the error pages — logs it.
 *
 * <p>With {@code medkarta.web.access-log} (on in {@code prod}) each request ends with one line of the
 * logger {@code org.medkarta.web.access}: method, the route's pattern (never the path itself, which
 * may hold a calendar feed's secret or an id), status and milliseconds. Never a query string, a
 * header or a body: codes and medical text stay out of the logs.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIds extends OncePerRequestFilter {

    private static final Logger access = LoggerFactory.getLogger("org.medkarta.web.access");

    private static final Pattern PLAIN_SEGMENT = Pattern.compile("/[a-z-]{1,32}");

    private final boolean accessLog;

    RequestIds(@Value("${medkarta.web.access-log:false}") boolean accessLog) {
        this.accessLog = accessLog;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = RequestId.acceptOrCreate(request.getHeader(RequestId.HEADER));
        MDC.put(RequestId.MDC_KEY, id);
        response.setHeader(RequestId.HEADER, id);
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            if (accessLog) {
                access.info(
                        "{} {} {} {}ms",
                        request.getMethod(),
                        route(request),
                        response.getStatus(),
                        (System.nanoTime() - started) / 1_000_000);
            }
            MDC.remove(RequestId.MDC_KEY);
        }
    }

    /**
     * The handler's pattern ({@code /api/v1/patients/{id}/record}); else the first segment of the
     * path when it is a plain word ({@code /fhir/**}, {@code /css/**}), else {@code /**}.
     */
    private static String route(HttpServletRequest request) {
        if (request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern) {
            return pattern;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        int second = path.indexOf('/', 1);
        String first = second < 0 ? path : path.substring(0, second);
        return PLAIN_SEGMENT.matcher(first).matches() ? first + "/**" : "/**";
    }

    /** The error dispatch of the same request keeps the id the first pass set. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }
}
