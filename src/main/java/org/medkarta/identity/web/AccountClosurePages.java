package org.medkarta.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import org.medkarta.identity.AccountClosure;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.DomainException;
import org.medkarta.web.PageErrors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The patient's page for closing their account (SPEC A9): what closing does and that the medical
 * record is kept for the retention period, a button that sends the confirming code, and the code
 * entry. The closing answer is the last page of the session, which it ends.
 */
@Controller
@PreAuthorize("hasRole('PATIENT')")
class AccountClosurePages {

    private final AccountClosure closure;
    private final PageErrors errors;

    AccountClosurePages(AccountClosure closure, PageErrors errors) {
        this.closure = closure;
        this.errors = errors;
    }

    @GetMapping("/profile/close")
    String page(Model model) {
        return page(model, false, Map.of());
    }

    @PostMapping("/profile/close/code")
    String sendCode(@AuthenticationPrincipal SignedInUser user, Locale locale, Model model) {
        try {
            closure.requestCode(user, locale);
            return page(model, true, Map.of());
        } catch (DomainException refused) {
            return page(model, refused.problem().equals("resend-too-soon"), errors.of(refused, locale));
        }
    }

    @PostMapping("/profile/close")
    String close(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String code,
            HttpServletRequest request,
            Locale locale,
            Model model) {
        AccountClosure.Closed closed;
        try {
            closed = closure.close(user, code, locale);
        } catch (DomainException refused) {
            return page(model, true, errors.of(refused, locale));
        }
        // The closure deleted the session's row; ending it here keeps the request from saving it again.
        var session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        model.addAttribute("retainUntil", closed.retainUntil());
        model.addAttribute("retentionYears", closure.retentionYears());
        return "identity/closed";
    }

    private String page(Model model, boolean codeSent, Map<String, String> messages) {
        model.addAttribute("retentionYears", closure.retentionYears());
        model.addAttribute("retainUntil", closure.retainedUntilIfClosedNow());
        model.addAttribute("codeSent", codeSent);
        model.addAttribute("errors", messages);
        return "identity/close";
    }
}
