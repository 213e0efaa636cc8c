package org.medkarta.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.medkarta.shared.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * "Войти через Госуслуги" (SPEC A3): ESIA as an OpenID Connect provider, configured with Spring's
 * {@code spring.security.oauth2.client.registration.esia.*} and {@code …provider.esia.issuer-uri}
 * and switched on by {@code medkarta.identity.esia.enabled}. ESIA proves who the person is; the
 * patient account then still asks for the one-time SMS code (order 003, §11-13), so the ESIA
 * sign-in itself opens no session.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("medkarta.identity.esia.enabled")
class EsiaSignIn {

    private static final Logger log = LoggerFactory.getLogger(EsiaSignIn.class);

    @Bean
    @Order(0)
    SecurityFilterChain esia(HttpSecurity http, SignIn identity) throws Exception {
        return http.securityMatcher("/oauth2/**", "/login/oauth2/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .oauth2Login(login -> login.loginPage("/sign-in")
                        .successHandler((request, response, authentication) ->
                                toSmsCode(identity, request, response, authentication))
                        .failureHandler((request, response, failure) -> {
                            log.warn("ESIA sign-in failed: {}", failure.getMessage());
                            response.sendRedirect(request.getContextPath() + "/sign-in?esiaFailed");
                        }))
                .build();
    }

    private static void toSmsCode(
            SignIn identity, HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        // The ESIA authentication must not become a session: the SMS code comes first.
        SecurityContextHolder.clearContext();
        var session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        }
        var user = (OidcUser) authentication.getPrincipal();
        var client = new ClientInfo(request.getRemoteAddr(), request.getHeader("User-Agent"));
        try {
            String phone = identity.linkEsia(
                    new EsiaClaims(
                            user.getSubject(),
                            user.getFamilyName(),
                            user.getGivenName(),
                            user.getMiddleName(),
                            user.getBirthdate(),
                            user.getClaimAsString("snils"),
                            user.getPhoneNumber(),
                            user.getEmail(),
                            region(user),
                            user.getUpdatedAt()),
                    client);
            try {
                identity.requestCode(phone, client, RequestContextUtils.getLocale(request));
            } catch (DomainException refused) {
                // A code sent a moment ago is still good; a block is shown on the code page.
                log.debug("ESIA sign-in: no new code for now ({})", refused.problem());
            }
            response.sendRedirect(request.getContextPath() + "/sign-in/code?via=esia&phone="
                    + URLEncoder.encode(phone, StandardCharsets.UTF_8));
        } catch (DomainException refused) {
            log.warn("ESIA sign-in refused: {}", refused.problem());
            response.sendRedirect(request.getContextPath() + "/sign-in?esiaFailed");
        }
    }

    /**
     * The region the person lives in, as ESIA's claims give it (issue 23): ESIA's own {@code
     * region_code} claim (the two-digit code of the address ESIA keeps, where the integration is set
     * up to release it), else the standard OpenID Connect {@code address} claim's {@code region} (a
     * code or a region's name); null when neither is there.
     */
    static String region(OidcUser user) {
        String code = user.getClaimAsString("region_code");
        if (code != null && !code.isBlank()) {
            return code;
        }
        var address = user.getAddress();
        return address == null ? null : address.getRegion();
    }
}
