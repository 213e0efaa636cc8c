package org.medkarta.conversation;

import org.medkarta.shared.DomainException;

/** Refusals about calls to the patient's phone (SPEC D6), named as the API names them. */
public class TelephonyRefusal extends DomainException {

    private TelephonyRefusal(Kind kind, String problem) {
        super(kind, problem, "problem." + problem);
    }

    /** 503 {@code phone-calls-not-set-up}: no telephony gateway is configured. */
    public static TelephonyRefusal notSetUp() {
        return new TelephonyRefusal(Kind.UNAVAILABLE, "phone-calls-not-set-up");
    }

    /** 503 {@code telephony-unavailable}: the gateway could not be reached or refused the call. */
    public static TelephonyRefusal gatewayUnavailable() {
        return new TelephonyRefusal(Kind.UNAVAILABLE, "telephony-unavailable");
    }

    /** 409 {@code call-in-progress}: a call rings or goes on in the consultation already. */
    public static TelephonyRefusal callInProgress() {
        return new TelephonyRefusal(Kind.CONFLICT, "call-in-progress");
    }

    /** 401 {@code webhook-signature-invalid}: a webhook without a signature that holds. */
    public static TelephonyRefusal badSignature() {
        return new TelephonyRefusal(Kind.UNAUTHORIZED, "webhook-signature-invalid");
    }
}
