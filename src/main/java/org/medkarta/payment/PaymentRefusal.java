package org.medkarta.payment;

import org.medkarta.shared.DomainException;

/** The refusals of the payment module, named as the API's ProblemDetail types name them. */
public final class PaymentRefusal extends DomainException {

    private PaymentRefusal(Kind kind, String problem) {
        super(kind, problem, "problem." + problem);
    }

    /** The appointment's service is free: there is nothing to pay. */
    public static PaymentRefusal notNeeded() {
        return new PaymentRefusal(Kind.CONFLICT, "payment-not-needed");
    }

    /** The payment can no longer be made: the hold lapsed or the appointment was cancelled. */
    public static PaymentRefusal closed() {
        return new PaymentRefusal(Kind.CONFLICT, "payment-closed");
    }

    /** The payment provider did not answer or refused the request; nothing was charged twice. */
    public static PaymentRefusal providerUnavailable() {
        return new PaymentRefusal(Kind.UNAVAILABLE, "payment-provider-unavailable");
    }

    /** Only a paid payment gives money back: this one waits, lapsed, or all of it is back already. */
    public static PaymentRefusal notRefundable() {
        return new PaymentRefusal(Kind.CONFLICT, "payment-not-refundable");
    }

    /** A notification from an address the configuration does not trust. */
    public static PaymentRefusal untrustedSender() {
        return new PaymentRefusal(Kind.FORBIDDEN, "payment-webhook-untrusted");
    }
}
