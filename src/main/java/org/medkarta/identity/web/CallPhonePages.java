package org.medkarta.identity.web;

import java.util.Locale;
import java.util.Map;
import org.medkarta.identity.AccountCallPhone;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.DomainException;
import org.medkarta.web.PageErrors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A doctor's phone for calls to patients, on their own profile page (SPEC D6): the telephony
 * gateway rings it first and then the patient's phone; nobody else sees it.
 */
@Controller
class CallPhonePages {

    private final AccountCallPhone callPhone;
    private final PageErrors errors;

    CallPhonePages(AccountCallPhone callPhone, PageErrors errors) {
        this.callPhone = callPhone;
        this.errors = errors;
    }

    @PostMapping("/profile/call-phone")
    String record(
            @AuthenticationPrincipal SignedInUser user,
            @RequestParam(required = false) String callPhone,
            RedirectAttributes redirect,
            Locale locale) {
        try {
            this.callPhone.record(user, callPhone);
            return "redirect:/profile?callPhone#call-phone-form";
        } catch (DomainException refused) {
            redirect.addFlashAttribute("errors", errors.of(refused, locale, Map.of()));
            redirect.addFlashAttribute("callPhoneValue", callPhone);
            return "redirect:/profile#call-phone-form";
        }
    }
}
