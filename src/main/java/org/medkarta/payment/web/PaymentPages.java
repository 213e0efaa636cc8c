package org.medkarta.payment.web;

import java.util.Locale;
import java.util.UUID;
import org.medkarta.identity.SignedInUser;
import org.medkarta.payment.Checkout;
import org.medkarta.payment.PaymentView;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.shared.TypedId;
import org.medkarta.web.PageErrors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The patient's payment page (SPEC B8): the price, how long the slot is held, the button that sends
 * them to pay, then the receipt and any refund. The provider sends the patient back here.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class PaymentPages {

    private final Checkout checkout;
    private final PageErrors errors;

    PaymentPages(Checkout checkout, PageErrors errors) {
        this.checkout = checkout;
        this.errors = errors;
    }

    @GetMapping("/appointments/{id}/payment")
    String ofAppointment(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model) {
        var payment = checkout.ofAppointment(user, uuid(id)).orElseThrow(NotFound::new);
        return page(payment, null, model);
    }

    @GetMapping("/payments/{id}")
    String payment(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model) {
        return page(checkout.payment(user, uuid(id)), null, model);
    }

    /** Starts (or resumes) paying and sends the patient to the provider's page. */
    @PostMapping("/appointments/{id}/payment")
    String pay(@AuthenticationPrincipal SignedInUser user, @PathVariable String id, Model model, Locale locale) {
        UUID appointment = uuid(id);
        try {
            var payment = checkout.pay(user, appointment);
            if (payment.confirmationUrl() != null) {
                return "redirect:" + payment.confirmationUrl();
            }
            return "redirect:/payments/" + payment.id();
        } catch (DomainException refused) {
            if (refused instanceof NotFound) {
                throw refused;
            }
            var payment = checkout.ofAppointment(user, appointment).orElseThrow(NotFound::new);
            return page(payment, errors.message(refused, locale), model);
        }
    }

    private static String page(PaymentView payment, String error, Model model) {
        model.addAttribute("payment", payment);
        model.addAttribute("error", error);
        return "payment/payment";
    }

    static UUID uuid(String id) {
        try {
            return TypedId.parse(id, "id");
        } catch (InvalidInput malformed) {
            throw new NotFound();
        }
    }
}
