package org.medkarta.consultation.web;

import java.util.Locale;
import java.util.UUID;
import org.medkarta.consultation.ConsultationPhoneCalls;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.NotFound;
import org.medkarta.web.PageErrors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The consultation page's «Позвонить пациенту» button (SPEC D6): back to the page, which shows how
 * the call stands, or the refusal in place of the button.
 */
@Controller
class PhoneCallPages {

    private final ConsultationPhoneCalls phoneCalls;
    private final PageErrors errors;

    PhoneCallPages(ConsultationPhoneCalls phoneCalls, PageErrors errors) {
        this.phoneCalls = phoneCalls;
        this.errors = errors;
    }

    @PostMapping("/consultations/{id}/phone-call")
    String call(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            RedirectAttributes redirect,
            Locale locale) {
        UUID consultation = DeskPages.uuid(id);
        try {
            phoneCalls.call(user, consultation);
            return "redirect:/consultations/" + consultation + "?phoning#phone-call";
        } catch (NotFound notHers) {
            throw notHers;
        } catch (DomainException refused) {
            redirect.addFlashAttribute("phoneCallError", errors.message(refused, locale));
            return "redirect:/consultations/" + consultation + "#phone-call";
        }
    }
}
