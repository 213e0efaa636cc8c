package org.medkarta.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Keeps a staff member whose clinic requires an authenticator app (SPEC A6) on the set-up page
 * until it is done: every other page sends them back there.
 */
@Configuration(proxyBeanMethods = false)
class TotpEnrolmentGate implements WebMvcConfigurer, HandlerInterceptor {

    static final String REQUIRED = "medkarta.totpEnrolmentRequired";

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this)
                // The installable app's files too: the browser fetches the service worker, the manifest
                // and its icons on its own, and a redirect of those to /security/totp would start a new
                // enrolment behind the page's back, voiding the secret the person is reading.
                .excludePathPatterns(
                        "/security/totp",
                        "/sign-out",
                        "/error",
                        "/api/**",
                        "/webjars/**",
                        "/css/**",
                        "/js/**",
                        "/icons/**",
                        "/sw.js",
                        "/manifest.webmanifest");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        var session = request.getSession(false);
        if (session != null && session.getAttribute(REQUIRED) != null) {
            response.sendRedirect(request.getContextPath() + "/security/totp");
            return false;
        }
        return true;
    }
}
