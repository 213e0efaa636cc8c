package org.medkarta.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.medkarta.shared.AnonymousAttempts;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Who may reach what. The JSON API is stateless and takes bearer access tokens (mobile apps and
 * third-party portals); pages use a browser session stored in the database, with CSRF tokens on
 * every form. Controllers state what they need with {@code @PreAuthorize}; the URL rules here only
 * send anonymous people to the right sign-in. Refusals become a ProblemDetail or the error page
 * through the container's error dispatch ({@link ErrorPages}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
public class SecurityConfiguration {

    static final List<String> STAFF_PAGES = List.of("/admin", "/support", "/schedule");

    static final String[] SIGNED_IN_PAGES = {
        "/profile/**",
        "/security/**",
        "/notices/**",
        "/admin/**",
        "/support/**",
        "/booking/**",
        "/appointments/**",
        "/payments/*",
        "/schedule/**",
        "/access/**",
        "/record/**",
        "/consultations/**",
        "/conversations/**",
        "/dashboards",
        "/clinics/*/dashboard",
        "/clinics/*/dashboard.csv",
        "/device-check"
    };

    /**
     * Reports a request refused for want of sign-in to the {@link AnonymousAttempts} port (the access
     * module audits those about record data), then answers it as {@code answer} does.
     */
    public static AuthenticationEntryPoint reported(
            ObjectProvider<AnonymousAttempts> attempts, AuthenticationEntryPoint answer) {
        return (request, response, failure) -> {
            String path =
                    request.getRequestURI().substring(request.getContextPath().length());
            // From the query string only: reading parameters could consume a refused request's body.
            String patient = request.getQueryString() == null
                    ? null
                    : UriComponentsBuilder.newInstance()
                            .query(request.getQueryString())
                            .build()
                            .getQueryParams()
                            .getFirst("patientId");
            attempts.forEach(port -> port.refused(request.getMethod(), path, patient, request.getRemoteAddr()));
            answer.commence(request, response, failure);
        };
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(
            HttpSecurity http,
            Converter<Jwt, AbstractAuthenticationToken> tokens,
            ObjectProvider<AnonymousAttempts> attempts)
            throws Exception {
        AuthenticationEntryPoint unauthorized = reported(attempts, (request, response, failure) -> {
            response.setHeader("WWW-Authenticate", "Bearer");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        });
        return http.securityMatcher("/api/**")
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

    /**
     * Sends an anonymous person to the right sign-in, staff pages to the staff one, with the page
     * they wanted as {@code continue} so they land there afterwards.
     */
    static void toSignIn(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String wanted = request.getQueryString() == null ? path : path + "?" + request.getQueryString();
        String signIn = STAFF_PAGES.stream().anyMatch(path::startsWith) ? "/staff/sign-in" : "/sign-in";
        response.sendRedirect(
                request.getContextPath() + signIn + "?continue=" + URLEncoder.encode(wanted, StandardCharsets.UTF_8));
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, ObjectProvider<AnonymousAttempts> attempts) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(SIGNED_IN_PAGES)
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(reported(attempts, SecurityConfiguration::toSignIn)))
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/?signedOut"))
                .headers(headers -> headers.referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .addHeaderWriter(PageHeaders.contentSecurityPolicy())
                        .addHeaderWriter(PageHeaders.permissionsPolicy()))
                .build();
    }
}
