package org.medkarta.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every non-multipart request body in size and in reading time, before any other filter
 * reads it: a declared length over the limit is answered 413 at once; a body without one (chunked)
 * is counted as it is read; a body still arriving after the time limit is cut with 408. Either
 * answer is a ProblemDetail under {@code /api} (see {@link ProblemAdvice}) and the connection is
 * closed, so the rest of the body is never waited for.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestBodyLimits extends OncePerRequestFilter {

    private final RequestLimitsProperties limits;

    RequestBodyLimits(RequestLimitsProperties limits) {
        this.limits = limits;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            chain.doFilter(request, response);
            return;
        }
        boolean fhir = request.getRequestURI().startsWith("/fhir");
        long max = (fhir ? limits.maxImportSize() : limits.maxBodySize()).toBytes();
        long timeout = (fhir ? limits.importTimeout() : limits.bodyTimeout()).toNanos();
        if (request.getContentLengthLong() > max) {
            response.setHeader(HttpHeaders.CONNECTION, "close");
            response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
            return;
        }
        boolean hasBody =
                request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        // Requests without a body (pages, WebSocket upgrades) pass unwrapped.
        chain.doFilter(hasBody ? new Bounded(request, max, timeout) : request, response);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return true;
    }

    /** Why a body was refused while it was read: its HTTP status travels with it to the advice. */
    static final class BodyRefused extends IOException {

        private final HttpStatus status;

        BodyRefused(HttpStatus status) {
            super(status.getReasonPhrase());
            this.status = status;
        }

        HttpStatus status() {
            return status;
        }
    }

    /** The request with its body stream counted and timed. */
    private static final class Bounded extends HttpServletRequestWrapper {

        private final long max;
        private final long timeoutNanos;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long max, long timeoutNanos) {
            super(request);
            this.max = max;
            this.timeoutNanos = timeoutNanos;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counted(super.getInputStream(), max, timeoutNanos);
            }
            return stream;
        }
    }

    private static final class Counted extends ServletInputStream {

        private final ServletInputStream body;
        private final long max;
        private final long deadline;
        private long read;

        Counted(ServletInputStream body, long max, long timeoutNanos) {
            this.body = body;
            this.max = max;
            this.deadline = System.nanoTime() + timeoutNanos;
        }

        @Override
        public int read() throws IOException {
            check(0);
            int next = body.read();
            if (next >= 0) {
                check(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            check(0);
            int count = body.read(buffer, offset, length);
            if (count > 0) {
                check(count);
            }
            return count;
        }

        private void check(int more) throws IOException {
            read += more;
            if (read > max) {
                throw new BodyRefused(HttpStatus.CONTENT_TOO_LARGE);
            }
            if (System.nanoTime() - deadline > 0) {
                throw new BodyRefused(HttpStatus.REQUEST_TIMEOUT);
            }
        }

        @Override
        public boolean isFinished() {
            return body.isFinished();
        }

        @Override
        public boolean isReady() {
            return body.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            body.setReadListener(listener);
        }

        @Override
        public int available() throws IOException {
            return body.available();
        }

        @Override
        public void close() throws IOException {
            body.close();
        }
    }
}
