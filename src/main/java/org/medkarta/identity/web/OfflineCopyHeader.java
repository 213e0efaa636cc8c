package org.medkarta.identity.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.medkarta.identity.SignedInUser;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Tells the service worker ({@code static/sw.js}, issue 22) which pages it may keep for reading
 * offline: a patient's upcoming appointments and the summary of a record, and only while the
 * person signed in is a patient and nothing else. A staff session never gets the header, so a
 * clinic's shared computer keeps no medical page.
 */
@Component
class OfflineCopyHeader extends OncePerRequestFilter {

    static final String HEADER = "Medkarta-Offline-Copy";

    private static final Pattern KEPT = Pattern.compile("/appointments|/record/[0-9a-f-]{36}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if ("GET".equals(request.getMethod()) && KEPT.matcher(path).matches() && patientAlone()) {
            response.setHeader(HEADER, "patient");
        }
        chain.doFilter(request, response);
    }

    private static boolean patientAlone() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getPrincipal() instanceof SignedInUser user
                && user.patientAlone();
    }
}
