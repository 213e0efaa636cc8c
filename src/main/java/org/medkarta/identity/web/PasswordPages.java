package org.medkarta.identity.web;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.medkarta.identity.StaffAccounts;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.PublicUrl;
import org.medkarta.web.PageErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Password reset by e-mailed link (SPEC A4) and password set-up from an invitation (A8). */
@Controller
class PasswordPages {

    private final StaffAccounts identity;
    private final PageErrors errors;
    private final PublicUrl publicUrl;

    PasswordPages(StaffAccounts identity, PageErrors errors, PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
        this.identity = identity;
        this.errors = errors;
    }

    @GetMapping("/password/reset")
    String resetForm(Model model) {
        model.addAttribute("email", "");
        return "identity/password-reset";
    }

    @PostMapping("/password/reset")
    String requestReset(@RequestParam(required = false) String email, Locale locale, Model model) {
        model.addAttribute("email", email);
        try {
            identity.requestPasswordReset(email, publicUrl.base(), locale);
        } catch (DomainException refused) {
            model.addAttribute("errors", errors.of(refused, locale));
            return "identity/password-reset";
        }
        model.addAttribute("sent", true);
        return "identity/password-reset";
    }

    @GetMapping("/password/set")
    String setForm(@RequestParam(required = false) String token, Locale locale, Model model) {
        model.addAttribute("token", token);
        if (!identity.passwordLinkValid(token)) {
            model.addAttribute("errors", Map.of(PageErrors.FORM, errors.text("problem.link-expired", locale)));
            model.addAttribute("expired", true);
        }
        return "identity/password-set";
    }

    @PostMapping("/password/set")
    String set(
            @RequestParam(required = false) String token,
            @RequestParam(required = false) String password,
            @RequestParam(required = false) String passwordRepeat,
            Locale locale,
            Model model) {
        model.addAttribute("token", token);
        if (!Objects.equals(password, passwordRepeat)) {
            model.addAttribute(
                    "errors", Map.of("passwordRepeat", errors.text("identity.validation.password-repeat", locale)));
            return "identity/password-set";
        }
        try {
            identity.setPassword(token, password);
        } catch (DomainException refused) {
            model.addAttribute("errors", errors.of(refused, locale));
            model.addAttribute("expired", refused.problem().equals("link-expired"));
            return "identity/password-set";
        }
        return "redirect:/staff/sign-in?passwordSet";
    }
}
