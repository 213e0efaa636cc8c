package org.medkarta.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.medkarta.shared.AnonymousAttempts;
import org.medkarta.web.BearerTokens;
import org.medkarta.web.Problems;
import org.medkarta.web.SecurityConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.LocaleResolver;

/**
 * {@code /fhir} takes the REST API's bearer tokens and nothing else: stateless, no session, no CSRF
 * (no cookie is read). A request without a token goes on anonymously (the directory is public; the
 * providers ask for a caller where they need one); a bad token answers 401 with an OperationOutcome.
 */
@Configuration(proxyBeanMethods = false)
class FhirSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain fhirChain(
            HttpSecurity http,
            Converter<Jwt, AbstractAuthenticationToken> tokens,
            ObjectProvider<AnonymousAttempts> attempts,
            FhirContext fhir,
            Problems problems,
            LocaleResolver locales)
            throws Exception {
        AuthenticationEntryPoint unauthorized =
                SecurityConfiguration.reported(attempts, (request, response, failure) -> {
                    String text = problems.of(HttpStatus.UNAUTHORIZED, locales.resolveLocale(request))
                            .getDetail();
                    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                    response.setHeader("WWW-Authenticate", "Bearer");
                    response.setContentType("application/fhir+json;charset=UTF-8");
                    response.getOutputStream()
                            .write(fhir.newJsonParser()
                                    .encodeResourceToString(FhirErrors.outcome(IssueType.LOGIN, text, "unauthorized"))
                                    .getBytes(StandardCharsets.UTF_8));
                });
        return http.securityMatcher(FhirServer.BASE + "/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .oauth2ResourceServer(resource -> resource.jwt(jwt -> jwt.jwtAuthenticationConverter(tokens))
                        .bearerTokenResolver(new BearerTokens())
                        .authenticationEntryPoint(unauthorized))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized))
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .build();
    }
}
