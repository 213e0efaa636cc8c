package org.medkarta.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.medkarta.identity.SignIn;
import org.medkarta.identity.StaffAccounts;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.Phone;
import org.medkarta.shared.PublicUrl;
import org.medkarta.web.PageErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Sign-in pages: a patient by phone and one-time SMS code (order 003, §12-14), staff by e-mail and
 * password with an optional TOTP code (SPEC A4, A6).
 */
@Controller
class SignInPages {

    // Block times are shown in Moscow time, as the national services show them.
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private static final String EMAIL = "email";

    private final SignIn identity;
    private final StaffAccounts staffAccounts;
    private final PageErrors errors;
    private final PublicUrl publicUrl;

    SignInPages(SignIn identity, StaffAccounts staffAccounts, PageErrors errors, PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
        this.identity = identity;
        this.staffAccounts = staffAccounts;
        this.errors = errors;
    }

    @GetMapping("/sign-in")
    String phoneForm(
            @RequestParam(name = "continue", required = false) String continueTo,
            @RequestParam(required = false) String esiaFailed,
            @RequestParam(required = false) String channel,
            Locale locale,
            Model model) {
        model.addAttribute("phone", "");
        model.addAttribute("channel", byEmail(channel) ? EMAIL : null);
        model.addAttribute("continueTo", continueTo);
        if (esiaFailed != null) {
            model.addAttribute("errors", Map.of(PageErrors.FORM, errors.text("identity.sign-in.esia-failed", locale)));
        }
        return "identity/sign-in";
    }

    /** The code form on its own, where ESIA sign-in continues with the SMS code (order 003, §11-13). */
    @GetMapping("/sign-in/code")
    String codeForm(
            @RequestParam(required = false) String phone,
            @RequestParam(name = "continue", required = false) String continueTo,
            Model model) {
        try {
            return codePage(Phone.parse(phone, "phone").e164(), continueTo, model, Map.of());
        } catch (DomainException refused) {
            return "redirect:/sign-in";
        }
    }

    @ModelAttribute("esiaEnabled")
    boolean esiaEnabled() {
        return identity.esiaEnabled();
    }

    /**
     * Sends the code by SMS, or with {@code channel=email} to the account's confirmed e-mail address
     * (the reserve way of seed 001), answering alike whether or not such an address exists.
     */
    @PostMapping("/sign-in")
    String sendCode(
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) String channel,
            @RequestParam(name = "continue", required = false) String continueTo,
            HttpServletRequest request,
            Locale locale,
            Model model) {
        model.addAttribute("phone", phone);
        model.addAttribute("continueTo", continueTo);
        model.addAttribute("channel", byEmail(channel) ? EMAIL : null);
        Phone number;
        try {
            number = Phone.parse(phone, "phone");
            identity.requestCode(number.e164(), byEmail(channel) ? EMAIL : null, Clients.of(request), locale);
        } catch (DomainException refused) {
            if (refused.problem().equals("resend-too-soon")) {
                return codePage(
                        Phone.parse(phone, "phone").e164(),
                        continueTo,
                        model,
                        Map.of("code", errors.message(refused, locale)));
            }
            model.addAttribute("errors", refusalMessages(refused, locale, "phone"));
            return "identity/sign-in";
        }
        return codePage(number.e164(), continueTo, model, Map.of());
    }

    @PostMapping("/sign-in/code")
    String checkCode(
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String channel,
            @RequestParam(name = "continue", required = false) String continueTo,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        model.addAttribute("channel", byEmail(channel) ? EMAIL : null);
        try {
            var user = identity.signInWithCode(phone, code, Clients.of(request));
            BrowserSessions.open(user, request, response);
            return BrowserSessions.next(continueTo);
        } catch (DomainException refused) {
            return codePage(phone, continueTo, model, refusalMessages(refused, locale, "code"));
        }
    }

    @GetMapping("/staff/sign-in")
    String staffForm(@RequestParam(name = "continue", required = false) String continueTo, Model model) {
        model.addAttribute("email", "");
        model.addAttribute("continueTo", continueTo);
        return "identity/staff-sign-in";
    }

    @PostMapping("/staff/sign-in")
    String staffSignIn(
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String password,
            @RequestParam(required = false) String totp,
            @RequestParam(name = "continue", required = false) String continueTo,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        try {
            var user =
                    identity.signInWithPassword(email, password, totp, Clients.of(request), publicUrl.base(), locale);
            BrowserSessions.open(user, request, response);
            if (staffAccounts.totpEnrolmentRequired(user.userId())) {
                request.getSession().setAttribute(TotpEnrolmentGate.REQUIRED, true);
                return "redirect:/security/totp";
            }
            return BrowserSessions.next(continueTo);
        } catch (DomainException refused) {
            model.addAttribute("email", email);
            model.addAttribute("continueTo", continueTo);
            model.addAttribute("totpRequired", refused.problem().equals("totp-required"));
            model.addAttribute(
                    "errors",
                    errors.of(refused, locale, Map.of("totp-required", "totp", "bad-credentials", "password")));
            return "identity/staff-sign-in";
        }
    }

    private static boolean byEmail(String channel) {
        return EMAIL.equals(channel);
    }

    private String codePage(String phone, String continueTo, Model model, Map<String, String> messages) {
        model.addAttribute("phone", phone);
        model.addAttribute("continueTo", continueTo);
        model.addAttribute("errors", messages);
        return "identity/sign-in-code";
    }

    /** The refusal beside its field; a block also says until when (order 003, §22.2). */
    private Map<String, String> refusalMessages(DomainException refused, Locale locale, String field) {
        if (refused instanceof InvalidInput) {
            return errors.of(refused, locale);
        }
        String message = errors.message(refused, locale);
        Object until = refused.properties().get("blockedUntil");
        if (until != null) {
            message += " "
                    + errors.text(
                            "identity.sign-in.blocked-until",
                            locale,
                            DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
                                    .format(Instant.parse(until.toString()).atZone(MOSCOW)));
        }
        return Map.of(field, message);
    }
}
