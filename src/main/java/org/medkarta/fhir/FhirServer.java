package org.medkarta.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.List;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HAPI FHIR plain server at {@code /fhir}: every {@link IResourceProvider} bean of this module is
 * one resource type; {@link FhirErrors} turns every refusal into an OperationOutcome and {@link
 * StrictSearch} refuses search parameters nobody declared.
 */
@Configuration(proxyBeanMethods = false)
class FhirServer {

    static final String BASE = "/fhir";

    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4Cached();
    }

    @Bean
    ServletRegistrationBean<RestfulServer> fhirServlet(
            FhirContext context,
            List<IResourceProvider> providers,
            ImportProvider imports,
            EverythingOperation everything,
            BulkExportOperation export,
            FhirErrors errors,
            StrictSearch strict,
            FhirRequestMeter meter) {
        var server = new RestfulServer(context);
        server.setResourceProviders(List.copyOf(providers));
        server.registerProviders(List.of(imports, everything, export));
        server.setDefaultResponseEncoding(EncodingEnum.JSON);
        server.setDefaultPrettyPrint(false);
        server.setDefaultPageSize(Pages.DEFAULT);
        server.setMaximumPageSize(Pages.MAXIMUM);
        server.setServerName("Medkarta");
        server.registerInterceptor(errors);
        server.registerInterceptor(strict);
        server.registerInterceptor(meter);
        var registration = new ServletRegistrationBean<>(server, BASE + "/*");
        registration.setName("fhir");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
