package org.medkarta.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import org.medkarta.identity.AccountCallPhone;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.AccountSnils;
import org.medkarta.identity.ApiTokens;
import org.medkarta.identity.SignedInUser;
import org.medkarta.identity.StaffAccounts;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.Phone;
import org.medkarta.shared.Snils;
import org.medkarta.web.PageErrors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signed-in person's own pages: the profile, and the security page with the sign-in history,
 * active sessions ("sign out everywhere else") and the authenticator app (SPEC A6, A7).
 */
@Controller
@PreAuthorize("isAuthenticated()")
class AccountPages {

    /** One browser session as the security page lists it. */
    record ActiveSession(
            String id, Instant since, Instant lastSeen, String address, String userAgent, boolean current) {}

    private final AccountDirectory identity;
    private final ApiTokens apiTokens;
    private final StaffAccounts staffAccounts;
    private final AccountSnils snils;
    private final AccountCallPhone callPhone;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final PageErrors errors;

    AccountPages(
            AccountDirectory identity,
            ApiTokens apiTokens,
            StaffAccounts staffAccounts,
            AccountSnils snils,
            AccountCallPhone callPhone,
            FindByIndexNameSessionRepository<? extends Session> sessions,
            PageErrors errors) {
        this.identity = identity;
        this.apiTokens = apiTokens;
        this.staffAccounts = staffAccounts;
        this.snils = snils;
        this.callPhone = callPhone;
        this.sessions = sessions;
        this.errors = errors;
    }

    @GetMapping("/profile")
    String profile(@AuthenticationPrincipal SignedInUser user, Model model) {
        model.addAttribute("account", identity.account(user.userId()).orElseThrow(NotFound::new));
        model.addAttribute(
                "snils", snils.of(user.userId()).map(Snils::formatted).orElse(null));
        model.addAttribute(
                "callPhone", callPhone.of(user.userId()).map(Phone::e164).orElse(null));
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "identity/profile";
    }

    /**
     * A doctor enters their own SNILS: the signing certificate of every protocol they sign must carry
     * it (issue 16).
     */
    @PostMapping("/profile/snils")
    String recordSnils(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String snils,
            Model model,
            Locale locale) {
        try {
            this.snils.record(user, snils);
            return "redirect:/profile?snils";
        } catch (DomainException refused) {
            model.addAttribute("errors", errors.of(refused, locale, Map.of()));
            model.addAttribute("snilsValue", snils);
            return profile(user, model);
        }
    }

    @GetMapping("/security")
    String security(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request, Model model) {
        model.addAttribute("account", identity.account(user.userId()).orElseThrow(NotFound::new));
        model.addAttribute("history", identity.history(user.userId()));
        String current = request.getSession().getId();
        model.addAttribute(
                "sessions",
                sessions.findByPrincipalName(user.getName()).values().stream()
                        .map(session -> new ActiveSession(
                                session.getId(),
                                session.getCreationTime(),
                                session.getLastAccessedTime(),
                                session.getAttribute(BrowserSessions.ADDRESS),
                                session.getAttribute(BrowserSessions.USER_AGENT),
                                session.getId().equals(current)))
                        .sorted(Comparator.comparing(ActiveSession::lastSeen).reversed())
                        .toList());
        return "identity/security";
    }

    /** Ends every other browser session and every API sign-in of this person. */
    @PostMapping("/security/sign-out-others")
    String signOutOthers(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request) {
        String current = request.getSession().getId();
        sessions.findByPrincipalName(user.getName()).keySet().stream()
                .filter(id -> !id.equals(current))
                .forEach(sessions::deleteById);
        apiTokens.revokeApiTokens(user.userId());
        return "redirect:/security?signedOutOthers";
    }

    @GetMapping("/security/totp")
    String startTotp(@AuthenticationPrincipal SignedInUser user, HttpServletRequest request, Model model) {
        model.addAttribute("enrolment", staffAccounts.startTotp(user.userId()));
        model.addAttribute("mandatory", request.getSession().getAttribute(TotpEnrolmentGate.REQUIRED) != null);
        return "identity/totp";
    }

    @PostMapping("/security/totp")
    String confirmTotp(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String code,
            HttpServletRequest request,
            Locale locale,
            Model model) {
        try {
            staffAccounts.confirmTotp(user.userId(), code);
            request.getSession().removeAttribute(TotpEnrolmentGate.REQUIRED);
        } catch (DomainException refused) {
            model.addAttribute("enrolment", staffAccounts.startTotp(user.userId()));
            model.addAttribute("errors", errors.of(refused, locale, Map.of()));
            return "identity/totp";
        }
        return "redirect:/security?totpEnabled";
    }
}
