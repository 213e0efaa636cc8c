package org.medkarta.consultation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.UUID;
import org.medkarta.consultation.ConsultationPhoneCalls;
import org.medkarta.consultation.ConsultationRequests;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.NotFound;
import org.medkarta.web.PageErrors;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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
    private final ConsultationRequests requests;
    private final PageErrors errors;

    PhoneCallPages(ConsultationPhoneCalls phoneCalls, ConsultationRequests requests, PageErrors errors) {
        this.phoneCalls = phoneCalls;
        this.requests = requests;
        this.errors = errors;
    }

    /**
     * How the latest call stands, for the page's status line while it rings or goes on; once it is
     * over the page reloads ({@code HX-Refresh}) to show it among the calls with its duration.
     */
    @GetMapping("/consultations/{id}/phone-call")
    String status(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            Model model,
            HttpServletResponse response) {
        UUID consultation = DeskPages.uuid(id);
        var call = phoneCalls.latest(user, consultation).orElseThrow(NotFound::new);
        model.addAttribute("c", requests.consultation(user, consultation));
        model.addAttribute("phoneCall", call);
        if (!call.active()) {
            response.setHeader("HX-Refresh", "true");
        }
        return "consultation/consultation :: phone-call-status";
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
