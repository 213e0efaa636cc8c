package org.medkarta.payment.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.medkarta.identity.SignedInUser;
import org.medkarta.payment.PaymentDesk;
import org.medkarta.payment.PaymentView;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.TypedId;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The clinic's payments over the API (SPEC B8, issue 20), as the staff payments page shows them: the
 * list over a period and in a state, the accountant's CSV, and a partial refund by the clinic's
 * administrator. Administrators and registrars of the clinic; 404 for anyone else. Times carry
 * Moscow's offset.
 */
@RestController
@Tag(name = "Payments")
@PreAuthorize("isAuthenticated()")
class PaymentDeskApi {

    private final PaymentDesk desk;

    PaymentDeskApi(PaymentDesk desk) {
        this.desk = desk;
    }

    record Refund(String amount, String reason, String status, OffsetDateTime createdAt, OffsetDateTime doneAt) {}

    record DeskPayment(
            UUID id,
            UUID appointmentId,
            UUID patientId,
            String state,
            String amount,
            String refundable,
            String currency,
            String service,
            String clinicInn,
            OffsetDateTime createdAt,
            OffsetDateTime paidAt,
            OffsetDateTime appointmentStart,
            OffsetDateTime holdUntil,
            List<Refund> refunds) {

        static DeskPayment of(PaymentView p) {
            return new DeskPayment(
                    p.id(),
                    p.appointmentId(),
                    p.patientId().value(),
                    p.state().name(),
                    p.amountRoubles().toPlainString(),
                    p.refundableRoubles().toPlainString(),
                    "RUB",
                    p.serviceName(),
                    p.clinicInn(),
                    moscow(p.createdAt()),
                    moscow(p.paidAt()),
                    moscow(p.appointmentStart()),
                    moscow(p.holdUntil()),
                    p.refunds().stream()
                            .map(r -> new Refund(
                                    r.amountRoubles().toPlainString(),
                                    r.reason(),
                                    r.status(),
                                    moscow(r.createdAt()),
                                    moscow(r.doneAt())))
                            .toList());
        }
    }

    /** {@code {amount}}: roubles, {@code "500.50"}. */
    record RefundBody(String amount) {}

    /**
     * The clinic's payments made from {@code from} to {@code to} (dates, Moscow days; the last 30 days
     * by default, at most a year), only those in {@code state} when given; latest first.
     */
    @GetMapping("/api/v1/clinics/{id}/payments")
    List<DeskPayment> payments(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String state) {
        return desk
                .payments(
                        user,
                        ClinicId.of(id),
                        PaymentDeskPages.date(from, "from"),
                        PaymentDeskPages.date(to, "to"),
                        PaymentDesk.state(state))
                .stream()
                .map(DeskPayment::of)
                .toList();
    }

    /** The same payments as the accountant's CSV (UTF-8 with a BOM, semicolons), as the page downloads it. */
    @GetMapping("/api/v1/clinics/{id}/payments.csv")
    ResponseEntity<byte[]> csv(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String state) {
        return PaymentDeskPages.csv(desk.csv(
                user,
                ClinicId.of(id),
                PaymentDeskPages.date(from, "from"),
                PaymentDeskPages.date(to, "to"),
                PaymentDesk.state(state)));
    }

    /**
     * The clinic's administrator gives back {@code amount} of a paid payment (part of it, or the
     * rest): the payment as it stands, the refund in its list. 422 {@code invalid-input} naming {@code
     * amount} (missing, not a sum of roubles, not more than zero, more than may still be refunded);
     * 409 {@code payment-not-refundable}.
     */
    @PostMapping("/api/v1/payments/{id}/refunds")
    DeskPayment refund(
            @AuthenticationPrincipal SignedInUser user,
            @PathVariable String id,
            @RequestBody(required = false) RefundBody body) {
        return DeskPayment.of(desk.refund(user, TypedId.parse(id, "id"), body == null ? null : body.amount()));
    }

    private static OffsetDateTime moscow(Instant at) {
        return at == null ? null : at.atZone(PaymentDesk.MOSCOW).toOffsetDateTime();
    }
}
