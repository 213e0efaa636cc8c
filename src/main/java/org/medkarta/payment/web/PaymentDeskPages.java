package org.medkarta.payment.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.medkarta.identity.SignedInUser;
import org.medkarta.payment.PaymentDesk;
import org.medkarta.payment.PaymentState;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.DomainException;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.medkarta.web.PageErrors;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The clinic's payments (SPEC B8) for its administrators and registrars: payments, refunds and their
 * states over a period (and in a state), the CSV for the accountant, partial refunds and the refund
 * cut-off (administrators). Times are Moscow's.
 */
@Controller
@PreAuthorize("isAuthenticated()")
class PaymentDeskPages {

    private final PaymentDesk desk;
    private final PageErrors errors;

    PaymentDeskPages(PaymentDesk desk, PageErrors errors) {
        this.desk = desk;
        this.errors = errors;
    }

    @GetMapping("/admin/payments")
    String entry(@AuthenticationPrincipal SignedInUser user) {
        var clinics = desk.clinics(user);
        if (clinics.isEmpty()) {
            throw new NotFound();
        }
        return "redirect:/admin/clinics/" + clinics.get(0).value() + "/payments";
    }

    @GetMapping("/admin/clinics/{id}/payments")
    String list(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String state,
            Model model,
            Locale locale) {
        var clinic = new ClinicId(PaymentPages.uuid(id));
        try {
            return page(user, clinic, date(from, "from"), date(to, "to"), PaymentDesk.state(state), Map.of(), model);
        } catch (InvalidInput wrong) {
            return page(user, clinic, null, null, null, errors.of(wrong, locale), model);
        }
    }

    /** The administrator gives back part of a payment, or the rest; a wrong amount shows beside its field. */
    @PostMapping("/admin/clinics/{id}/payments/{paymentId}/refund")
    String refund(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @PathVariable String paymentId,
            @RequestParam(required = false) String amount,
            Model model,
            Locale locale) {
        var clinic = new ClinicId(PaymentPages.uuid(id));
        UUID payment = PaymentPages.uuid(paymentId);
        try {
            desk.refund(user, payment, amount);
            return "redirect:/admin/clinics/" + clinic.value() + "/payments?refunded";
        } catch (DomainException refused) {
            if (refused instanceof NotFound) {
                throw refused;
            }
            model.addAttribute("refundFailed", payment);
            model.addAttribute("refundValue", amount);
            return page(
                    user,
                    clinic,
                    null,
                    null,
                    null,
                    errors.of(refused, locale, Map.of("payment-not-refundable", "amount")),
                    model);
        }
    }

    @GetMapping("/admin/clinics/{id}/payments.csv")
    ResponseEntity<byte[]> csv(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String state) {
        var clinic = new ClinicId(PaymentPages.uuid(id));
        return csv(desk.csv(user, clinic, date(from, "from"), date(to, "to"), PaymentDesk.state(state)));
    }

    /** The accountant's file, for the page and the API alike. */
    static ResponseEntity<byte[]> csv(String csv) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("payments.csv")
                                .build()
                                .toString())
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    @PostMapping("/admin/clinics/{id}/payments/cutoff")
    String cutoff(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String refundCutoffHours,
            Model model,
            Locale locale) {
        var clinic = new ClinicId(PaymentPages.uuid(id));
        try {
            desk.setRefundCutoffHours(user, clinic, refundCutoffHours);
            return "redirect:/admin/clinics/" + clinic.value() + "/payments?saved";
        } catch (DomainException refused) {
            if (refused instanceof NotFound) {
                throw refused;
            }
            model.addAttribute("cutoffValue", refundCutoffHours);
            return page(user, clinic, null, null, null, errors.of(refused, locale), model);
        }
    }

    private String page(
            SignedInUser user,
            ClinicId clinic,
            LocalDate from,
            LocalDate to,
            PaymentState state,
            Map<String, String> problems,
            Model model) {
        model.addAttribute("payments", desk.payments(user, clinic, from, to, state));
        model.addAttribute("state", state);
        model.addAttribute("states", PaymentState.values());
        model.addAttribute("mayRefund", desk.mayRefund(user, clinic));
        model.addAttribute("clinicId", clinic.value());
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("cutoff", desk.refundCutoffHours(user, clinic));
        model.addAttribute("errors", problems);
        return "payment/desk";
    }

    static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException wrong) {
            throw new InvalidInput(field, "payment.validation.date");
        }
    }
}
