package org.medkarta.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

/** A request that finds no free database connection is told to come back, not shown a 500. */
class ProblemAdviceTest {

    private final ProblemAdvice advice = new ProblemAdvice(new Problems(new StaticMessageSource()));

    @Test
    void anApiCallWithoutAFreeConnectionIsUnavailableWithRetryAfter() throws Exception {
        var answer = advice.busy(
                new CannotCreateTransactionException("Could not open JDBC Connection for transaction"),
                new MockHttpServletRequest("GET", "/api/v1/slots"),
                new MockHttpServletResponse());
        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("1");
        var problem = (org.springframework.http.ProblemDetail) answer.getBody();
        assertThat(problem.getType().toString()).endsWith("/unavailable");
    }

    @Test
    void aPageWithoutAFreeConnectionIsUnavailable() throws Exception {
        var response = new MockHttpServletResponse();
        var answer = advice.busy(
                new CannotCreateTransactionException("Could not open JDBC Connection for transaction"),
                new MockHttpServletRequest("GET", "/booking"),
                response);
        assertThat(answer).isNull();
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeader("Retry-After")).isEqualTo("1");
    }
}
