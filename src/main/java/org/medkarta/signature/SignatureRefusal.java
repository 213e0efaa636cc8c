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

    /** A CRL that is not a CRL (DER, PEM or base64). */
    public static SignatureRefusal crlUnreadable() {
        return new SignatureRefusal(Kind.INVALID_INPUT, "crl-unreadable");
    }

    /** A key neither GOST R 34.10-2012, RSA nor ECDSA. */
    public static SignatureRefusal unsupportedKey() {
        return new SignatureRefusal(Kind.INVALID_INPUT, "signature-key-unsupported");
    }

    /** A file that is not a PKCS#12 keystore with one private key and its certificate. */
    public static SignatureRefusal keystoreUnreadable() {
        return new SignatureRefusal(Kind.INVALID_INPUT, "keystore-unreadable");
    }

    /** The keystore's password does not open it (at upload or at signing). */
    public static SignatureRefusal keystorePasswordWrong() {
        return new SignatureRefusal(Kind.INVALID_INPUT, "keystore-password-wrong");
    }

    /** The remote signing service did not answer, or refused. */
    public static SignatureRefusal signingServiceUnavailable() {
        return new SignatureRefusal(Kind.UNAVAILABLE, "signing-service-unavailable");
    }

    /** The certificate may not sign documents, or is not valid now. */
    public static SignatureRefusal certificateNotForSigning() {
        return new SignatureRefusal(Kind.INVALID_INPUT, "certificate-not-for-signing");
    }

    /** Only a signature verified valid is filed with a signed document. */
    public static SignatureRefusal signatureNotValid() {
        return new SignatureRefusal(Kind.INVALID_INPUT, "signature-not-valid");
    }

    /** A further signature of a signed document must sign the same document file. */
    public static SignatureRefusal documentDiffers() {
        return new SignatureRefusal(Kind.CONFLICT, "signed-document-differs");
    }

    /** The certificate is already among the clinic's trust anchors. */
    public static SignatureRefusal anchorExists() {
        return new SignatureRefusal(Kind.CONFLICT, "trust-anchor-exists");
    }
}
