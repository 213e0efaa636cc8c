package org.medkarta.signature;

import org.medkarta.shared.DomainException;

/** The refusals of the signature module, named as the API's ProblemDetail types name them. */
public final class SignatureRefusal extends DomainException {

    private SignatureRefusal(Kind kind, String problem, Object... arguments) {
        super(kind, problem, "problem." + problem, arguments);
    }

    public static SignatureRefusal certificateUnreadable() {
        return new SignatureRefusal(Kind.INVALID_INPUT, "certificate-unreadable");
    }

    public static SignatureRefusal noSigningKey() {
        return new SignatureRefusal(Kind.CONFLICT, "no-signing-key");
    }
}
