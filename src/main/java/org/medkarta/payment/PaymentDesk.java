package org.medkarta.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import org.medkarta.clinic.ClinicAdministrators;
import org.medkarta.clinic.ClinicView;
import org.medkarta.identity.AccountDirectory;
import org.medkarta.identity.Role;
import org.medkarta.identity.RoleGrant;
import org.medkarta.identity.SignedInUser;
import org.medkarta.shared.ClinicId;
import org.medkarta.shared.InvalidInput;
import org.medkarta.shared.NotFound;
import org.springframework.stereotype.Service;

/**
 * The clinic's side of payments (SPEC B8): its administrators and registrars see the payments, the
 * refunds and their states, download them as CSV for the accountant, and administrators set the
 * refund cut-off. Anyone else, and staff of another clinic, gets 404.
 */
@Service
public class PaymentDesk {

    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Payments are shown in Moscow time everywhere (the pages, the period's days, the CSV), ADR 0012. */
    public static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    private final Ledger ledger;
    private final Settlement settlement;
    private final Checkout checkout;
    private final ClinicAdministrators clinics;
    private final AccountDirectory identity;
    private final PaymentProperties properties;
    private final Clock clock;

    PaymentDesk(
            Ledger ledger,
            Settlement settlement,
            Checkout checkout,
            ClinicAdministrators clinics,
            AccountDirectory identity,
            PaymentProperties properties,
            Clock clock) {
        this.ledger = ledger;
        this.settlement = settlement;
        this.checkout = checkout;
        this.clinics = clinics;
        this.identity = identity;
        this.properties = properties;
        this.clock = clock;
    }

    /** The clinics whose payments the person sees. */
    public List<ClinicId> clinics(SignedInUser actor) {
        if (actor == null) {
            return List.of();
        }
        var found = new LinkedHashSet<ClinicId>();
        if (actor.has(Role.CLINIC_ADMIN) || actor.has(Role.PLATFORM_ADMIN)) {
            clinics.administered(actor).stream().map(ClinicView::id).forEach(found::add);
        }
        if (actor.has(Role.REGISTRAR)) {
            identity.account(actor.userId())
                    .ifPresent(account -> account.roles().stream()
                            .filter(grant -> grant.role() == Role.REGISTRAR && grant.clinic() != null)
                            .map(RoleGrant::clinic)
                            .forEach(found::add));
        }
        return List.copyOf(found);
    }

    /** The clinic's payments made from {@code from} to {@code to} (days in Moscow), latest first. */
    public List<PaymentView> payments(SignedInUser actor, ClinicId clinic, LocalDate from, LocalDate to) {
        return payments(actor, clinic, from, to, null);
    }

    /**
     * The clinic's payments made from {@code from} to {@code to} (days in Moscow), latest first, only
     * those in {@code state} when it is given.
     */
    public List<PaymentView> payments(
            SignedInUser actor, ClinicId clinic, LocalDate from, LocalDate to, PaymentState state) {
        check(actor, clinic);
        ZoneId zone = MOSCOW;
        LocalDate last = to == null ? LocalDate.ofInstant(clock.instant(), zone) : to;
        LocalDate first = from == null ? last.minusDays(30) : from;
        if (first.isAfter(last)) {
            throw new InvalidInput("from", "payment.validation.period");
        }
        if (first.plusDays(366).isBefore(last)) {
            throw new InvalidInput("from", "payment.validation.period-long");
        }
        Instant start = first.atStartOfDay(zone).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(zone).toInstant();
        return ledger.ofClinic(clinic, start, end).stream()
                .filter(p -> state == null || p.state() == state)
                .map(checkout::view)
                .toList();
    }

    /** A state filter as a person or a client writes it: empty for all, else one of {@link PaymentState}. */
    public static PaymentState state(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return PaymentState.valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new InvalidInput("state", "payment.validation.state");
        }
    }

    /**
     * The clinic's administrator gives back part of a paid payment, or the rest of it (issue 20): the
     * amount in roubles ({@code 500}, {@code 500.50} or {@code 500,50}), more than nothing and no more
     * than what is not yet given back. Refused field by field; anyone else, and a payment of another
     * clinic, gets 404.
     *
     * @throws InvalidInput {@code amount}
     * @throws PaymentRefusal {@code payment-not-refundable}
     */
    public PaymentView refund(SignedInUser actor, java.util.UUID paymentId, String amount) {
        var payment = ledger.find(paymentId).orElseThrow(NotFound::new);
        if (!clinics.administers(actor, payment.clinicId())) {
            throw new NotFound();
        }
        settlement.refundPart(payment.id(), kopecks(amount));
        return checkout.view(ledger.find(paymentId).orElseThrow());
    }

    static long kopecks(String amount) {
        String text = amount == null
                ? ""
                : amount.strip().replace('\u00A0', ' ').replace(" ", "").replace(',', '.');
        if (text.isEmpty()) {
            throw new InvalidInput("amount", "payment.validation.refund-required");
        }
        java.math.BigDecimal value;
        try {
            value = new java.math.BigDecimal(text);
        } catch (NumberFormatException wrong) {
            throw new InvalidInput("amount", "payment.validation.refund-format");
        }
        if (value.scale() > 2 || value.precision() - value.scale() > 9) {
            throw new InvalidInput("amount", "payment.validation.refund-format");
        }
        if (value.signum() <= 0) {
            throw new InvalidInput("amount", "payment.validation.refund-positive");
        }
        return value.movePointRight(2).longValueExact();
    }

    /** The same payments as CSV (UTF-8 with a BOM, semicolons, as Russian Excel opens it). */
    public String csv(SignedInUser actor, ClinicId clinic, LocalDate from, LocalDate to) {
        return csv(actor, clinic, from, to, null);
    }

    /** The payments in {@code state} (all when null) as CSV, times in Moscow. */
    public String csv(SignedInUser actor, ClinicId clinic, LocalDate from, LocalDate to, PaymentState state) {
        var list = payments(actor, clinic, from, to, state);
        ZoneId zone = MOSCOW;
        var out = new StringBuilder("\uFEFF");
        out.append("payment_id;appointment_id;created_at;service;amount_rub;state;paid_at;appointment_start;")
                .append("refunded_rub;refund_state;refund_reason;clinic_inn\r\n");
        for (var p : list) {
            long refunded = p.refunds().stream()
                    .filter(r -> r.status().equals("SUCCEEDED"))
                    .mapToLong(PaymentView.RefundView::amountKopecks)
                    .sum();
            var lastRefund =
                    p.refunds().isEmpty() ? null : p.refunds().get(p.refunds().size() - 1);
            out.append(p.id())
                    .append(';')
                    .append(p.appointmentId())
                    .append(';')
                    .append(time(p.createdAt(), zone))
                    .append(';')
                    .append(cell(p.serviceName()))
                    .append(';')
                    .append(p.amountRoubles().toPlainString())
                    .append(';')
                    .append(p.state())
                    .append(';')
                    .append(time(p.paidAt(), zone))
                    .append(';')
                    .append(time(p.appointmentStart(), zone))
                    .append(';')
                    .append(java.math.BigDecimal.valueOf(refunded, 2).toPlainString())
                    .append(';')
                    .append(lastRefund == null ? "" : lastRefund.status())
                    .append(';')
                    .append(lastRefund == null ? "" : lastRefund.reason())
                    .append(';')
                    .append(cell(p.clinicInn()))
                    .append("\r\n");
        }
        return out.toString();
    }

    /** Whether the person may give money back: the clinic's administrators. */
    public boolean mayRefund(SignedInUser actor, ClinicId clinic) {
        return clinics.administers(actor, clinic);
    }

    /** How many hours before the start a patient may cancel and get the money back. */
    public long refundCutoffHours(SignedInUser actor, ClinicId clinic) {
        check(actor, clinic);
        return ledger.cutoffHours(clinic)
                .map(Integer::longValue)
                .orElse(properties.refundCutoff().toHours());
    }

    /** Sets the clinic's refund cut-off, 0 to 720 hours; administrators only. */
    public void setRefundCutoffHours(SignedInUser actor, ClinicId clinic, String hours) {
        if (!clinics.administers(actor, clinic)) {
            throw new NotFound();
        }
        int value;
        try {
            value = Integer.parseInt(hours == null ? "" : hours.strip());
        } catch (NumberFormatException wrong) {
            throw new InvalidInput("refundCutoffHours", "payment.validation.cutoff");
        }
        if (value < 0 || value > Duration.ofDays(30).toHours()) {
            throw new InvalidInput("refundCutoffHours", "payment.validation.cutoff");
        }
        ledger.setCutoffHours(clinic, value);
    }

    private void check(SignedInUser actor, ClinicId clinic) {
        if (clinic == null || !clinics(actor).contains(clinic)) {
            throw new NotFound();
        }
    }

    private static String time(Instant at, ZoneId zone) {
        return at == null ? "" : CSV_TIME.format(at.atZone(zone));
    }

    /** A text cell: quoted, and never read by a spreadsheet as a formula. */
    private static String cell(String text) {
        String value = text == null ? "" : text;
        if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
