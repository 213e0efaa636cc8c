package org.medkarta.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Times every request at {@code /fhir} as {@code medkarta.fhir.requests}: tagged with HAPI's
 * operation type ({@code read}, {@code search_type}, {@code extended_operation_instance}, ...) and
 * the status class ({@code 2xx}, {@code 4xx}, {@code 5xx}), never the resource's name or id, which a
 * client could make up without end. The FHIR servlet is not Spring MVC's, so {@code
 * http.server.requests} does not see these.
 */
@Component
@Interceptor
class FhirRequestMeter {

    private final MeterRegistry meters;

    FhirRequestMeter(MeterRegistry meters) {
        this.meters = meters;
    }

    @Hook(Pointcut.SERVER_PROCESSING_COMPLETED)
    void completed(ServletRequestDetails request) {
        String operation = request.getRestOperationType() == null
                ? "unknown"
                : request.getRestOperationType().name().toLowerCase(Locale.ROOT);
        int status = request.getServletResponse() == null
                ? 0
                : request.getServletResponse().getStatus();
        Timer.builder("medkarta.fhir.requests")
                .description("Requests at /fhir")
                .tag("operation", operation)
                .tag("status", status / 100 + "xx")
                .register(meters)
                .record(Duration.ofMillis(request.getRequestStopwatch().getMillis()));
    }
}
